import { customAlphabet } from 'nanoid'

/** Url-safe ids without "-" or "_" at odd places: 14 characters ≈ 83 bits. */
export const newId: () => string = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 14)
