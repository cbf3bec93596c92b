// Filled by the members issue: see docs/api.md § Members.
export {};
