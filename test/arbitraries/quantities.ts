/**
 * Resource requests with their values known, so properties can find the
 * largest request without taskpod's own quantity code. Several spellings
 * share a value (`1Gi` and `1024Mi`, `100m` and `0.1`) to exercise ties.
 */
import fc from 'fast-check';

/** The resources whose requests Tekton zeroed on all but one step. */
export const REQUESTED = ['cpu', 'memory', 'ephemeral-storage'] as const;
/** One of {@link REQUESTED}. */
export type Requested = (typeof REQUESTED)[number];

/** A request as written, with its value in milli-units (exact). */
export interface KnownQuantity {
  readonly text: string;
  /** How Kubernetes writes it back (Quantity's canonical form). */
  readonly canonical: string;
  readonly milli: bigint;
}

const Ki = 1024n;
const Mi = Ki * Ki;
const Gi = Mi * Ki;

const TABLE: Readonly<Record<Requested, readonly KnownQuantity[]>> = {
  cpu: [
    { text: '0', canonical: '0', milli: 0n },
    { text: '100m', canonical: '100m', milli: 100n },
    { text: '0.1', canonical: '100m', milli: 100n },
    { text: '250m', canonical: '250m', milli: 250n },
    { text: '1', canonical: '1', milli: 1000n },
    { text: '1000m', canonical: '1', milli: 1000n },
    { text: '1.5', canonical: '1500m', milli: 1500n },
    { text: '2', canonical: '2', milli: 2000n },
    { text: '2k', canonical: '2k', milli: 2_000_000n },
  ],
  memory: [
    { text: '0', canonical: '0', milli: 0n },
    { text: '64Mi', canonical: '64Mi', milli: 64n * Mi * 1000n },
    { text: '128Mi', canonical: '128Mi', milli: 128n * Mi * 1000n },
    { text: '500M', canonical: '500M', milli: 500_000_000n * 1000n },
    { text: '1G', canonical: '1G', milli: 1_000_000_000n * 1000n },
    { text: '1Gi', canonical: '1Gi', milli: Gi * 1000n },
    { text: '1024Mi', canonical: '1Gi', milli: 1024n * Mi * 1000n },
    { text: '1.5Gi', canonical: '1536Mi', milli: (3n * Gi * 1000n) / 2n },
    { text: '2Gi', canonical: '2Gi', milli: 2n * Gi * 1000n },
  ],
  'ephemeral-storage': [
    { text: '0', canonical: '0', milli: 0n },
    { text: '500Mi', canonical: '500Mi', milli: 500n * Mi * 1000n },
    { text: '1Gi', canonical: '1Gi', milli: Gi * 1000n },
    { text: '10Gi', canonical: '10Gi', milli: 10n * Gi * 1000n },
    { text: '10G', canonical: '10G', milli: 10_000_000_000n * 1000n },
  ],
};

/** A request for `resource`, from the table. */
export function knownQuantity(resource: Requested): fc.Arbitrary<KnownQuantity> {
  return fc.constantFrom(...TABLE[resource]);
}

/** Requests of some of the three resources (possibly none). */
export function requests(): fc.Arbitrary<Partial<Record<Requested, KnownQuantity>>> {
  return fc.record(
    { cpu: knownQuantity('cpu'), memory: knownQuantity('memory'), 'ephemeral-storage': knownQuantity('ephemeral-storage') },
    { requiredKeys: [] },
  );
}
