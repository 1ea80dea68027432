/**
 * The packs shipped in `data/packs/`, in merge order: later packs override earlier ones.
 * Each is public CMS data, data this project wrote, or the seed reference record.
 */
export const BUNDLED_PACKS: readonly string[] = [
  'cpt-sections.cptlens-pack.json',
  'place-of-service.cptlens-pack.json',
  'cpt-modifiers.cptlens-pack.json',
  'hcpcs-2025-10.cptlens-pack.json',
  'opps-addendum-b.cptlens-pack.json',
  'pfs-indicators-2025-10.cptlens-pack.json',
  'seed-64866.cptlens-pack.json',
];
