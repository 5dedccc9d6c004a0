/** Why a request failed, as both shells report it. */
export type RequestErrorCode =
  | 'bad-request' // the arguments do not match the channel's schema
  | 'unknown-channel'
  | 'forbidden' // a staff request without a valid staff session
  | 'locked' // staff access is locked after too many wrong PINs
  | 'not-found'
  | 'rejected' // the input (a pack, a PIN…) was examined and refused
  | 'conflict'
  | 'internal'

/** One problem with an input, naming the file or JSON path at fault. */
export interface Problem {
  readonly path: string
  readonly message: string
}

/** The serialisable form of a failed request. */
export interface RequestErrorData {
  readonly code: RequestErrorCode
  readonly message: string
  readonly problems?: readonly Problem[]
}

/** A failed request; thrown by services and re-thrown by the renderer's bridge. */
export class RequestError extends Error implements RequestErrorData {
  override readonly name = 'RequestError'
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message)
  }

  toData(): RequestErrorData {
    return this.problems
      ? { code: this.code, message: this.message, problems: this.problems }
      : { code: this.code, message: this.message }
  }

  static fromData(data: RequestErrorData): RequestError {
    return new RequestError(data.code, data.message, data.problems)
  }
}

/** Whether an unknown value has the shape of {@link RequestErrorData}. */
export function isRequestErrorData(value: unknown): value is RequestErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  )
}
