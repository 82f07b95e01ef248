/** Crypto layer entry: KDF, data-key wrapping and per-record AEAD. */
export { aadFor, type ClearValue, IV_BYTES, open, seal } from './aead';
export { generateWrappableDataKey, unwrapDataKey, wrapDataKey } from './data-key';
export { deriveKek, MIN_PASSPHRASE_LENGTH, PRODUCTION_KDF, SALT_BYTES, TEST_KDF } from './kdf';
