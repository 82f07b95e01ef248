/** Content packs: schema, digest, loader and licence import. The engine lives in src/domain. */
export { BUNDLED_PACK_JSON, loadBundledPack, loadBundledRoles } from './bundled';
export { canonicalJson, packDigest } from './digest';
export { recommendationKey, runGoldenVectors, type VectorFailure } from './golden';
export { checkPackIntegrity } from './integrity';
export { importLicencePack } from './licence-import';
export { type LoadError, type LoadErrorCode, type LoadResult, loadPack, loadRoles } from './loader';
export { EXPECTED_DIGESTS } from './packs/expected-digests';
export { BUNDLED_FILES, type BundledFile } from './packs/files';
export { ContentPackSchema, LicencePackSchema, RolesFileSchema } from './schema';
