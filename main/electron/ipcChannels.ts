/** The IPC channel every contract request travels on (one channel, the contract's name inside). */
export const requestIpcChannel = 'songyun:request'
/** The IPC channel the services' events travel on to the renderer. */
export const eventIpcChannel = 'songyun:event'
