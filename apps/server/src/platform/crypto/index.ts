export {
  type CryptoProfile,
  createBlindIndex,
  createFieldCipher,
  type FieldCipher,
  macAlgorithm,
} from './field-cipher.ts';
export { createKeyRing, type KeyRing, loadMasterKey } from './keys.ts';
export { maskIdNumber, maskMiddle, maskName, maskPhone } from './mask.ts';
export { hashToken, newToken } from './tokens.ts';
