import { InitialSchema1764100000000 } from './1764100000000-initial-schema';

/** Every migration, oldest first. Listed by hand so that the compiled and the test runs load the same set. */
export const migrations = [InitialSchema1764100000000];
