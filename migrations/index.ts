import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { FlowAuthorship1764200000000 } from './1764200000000-flow-authorship';
import { TenantSecrets1764300000000 } from './1764300000000-tenant-secrets';
import { Channels1764400000000 } from './1764400000000-channels';
import { TurnPaths1764500000000 } from './1764500000000-turn-paths';
import { ContactMerge1764600000000 } from './1764600000000-contact-merge';
import { ContactAnswered1764700000000 } from './1764700000000-contact-answered';

/** Every migration, oldest first. Listed by hand so that the compiled and the test runs load the same set. */
export const migrations = [InitialSchema1764100000000, FlowAuthorship1764200000000, TenantSecrets1764300000000, Channels1764400000000, TurnPaths1764500000000, ContactMerge1764600000000,
  ContactAnswered1764700000000];
