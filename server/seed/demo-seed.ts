/** The demo is the same school at every seeding: same names, same classes, same ids, all drawn from this seed. */
export const DEMO_SEED = 20_260_901;
