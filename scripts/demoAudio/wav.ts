/** Encodes a stereo pair of float samples (−1…1) as a 16-bit PCM WAV file. */
export function encodeStereoWav(
  left: Float32Array,
  right: Float32Array,
  sampleRate: number,
): Buffer {
  if (left.length !== right.length) throw new Error('left and right channels differ in length')
  const channels = 2
  const bytesPerSample = 2
  const dataBytes = left.length * channels * bytesPerSample
  const wav = Buffer.alloc(44 + dataBytes)
  wav.write('RIFF', 0, 'ascii')
  wav.writeUInt32LE(36 + dataBytes, 4)
  wav.write('WAVE', 8, 'ascii')
  wav.write('fmt ', 12, 'ascii')
  wav.writeUInt32LE(16, 16)
  wav.writeUInt16LE(1, 20) // PCM
  wav.writeUInt16LE(channels, 22)
  wav.writeUInt32LE(sampleRate, 24)
  wav.writeUInt32LE(sampleRate * channels * bytesPerSample, 28)
  wav.writeUInt16LE(channels * bytesPerSample, 32)
  wav.writeUInt16LE(bytesPerSample * 8, 34)
  wav.write('data', 36, 'ascii')
  wav.writeUInt32LE(dataBytes, 40)
  const toInt16 = (x: number) => Math.round(Math.max(-1, Math.min(1, x)) * 32767)
  for (let i = 0; i < left.length; i++) {
    wav.writeInt16LE(toInt16(left[i]!), 44 + i * 4)
    wav.writeInt16LE(toInt16(right[i]!), 44 + i * 4 + 2)
  }
  return wav
}
