/**
 * Who may vote and with what weight, for the three eligibility kinds of DESIGN.md. The result names the voter
 * only by a keyed hash (HMAC with the install's pepper), unique per consultation, so the ballots table never
 * holds a unit number, a site's user id or a browser key in clear.
 */
import { type BallotDefinition, isCivilCode, parseHundredths } from '@linli/core';
import { errors, importJWK, type JWTPayload, jwtVerify } from 'jose';
import type { BallotWeight, RollUnitRecord, SiteKeyRecord, Store } from '../store/types';
import { hashCode, normalizeCode } from './codes';
import { pepperHmac } from './pepper';
import { DomainError } from './service';

export interface Eligible {
  voterHash: string;
  weight: BallotWeight;
  rollUnit?: { unit: string; codeHash: string };
}

export const voterHash = (pepper: string, consultationId: string, identity: string) =>
  pepperHmac(pepper, `voter:${consultationId}:${identity}`);

/** The voter a code ballot is cast as: its roll unit (one ballot per unit, whichever code it was cast with). */
export const unitVoterHash = (pepper: string, consultationId: string, unit: string) =>
  voterHash(pepper, consultationId, `unit:${unit}`);

export interface EligibilityContext {
  store: Store;
  pepper: string;
  consultationId: string;
  slug: string;
  community: string;
  ballot: BallotDefinition;
  /**
   * The roll unit already looked up for a code (the ballot desk asks for it together with the Idempotency-Key, in
   * one statement); used only when the ballot's code normalises to the same `normalized`.
   */
  prefetched?: { normalized: string; codeHash: string; unit: RollUnitRecord | null };
}

export interface Credentials {
  code?: string | undefined;
  token?: string | undefined;
  voterKey?: string | undefined;
}

/**
 * Answers at once when nothing needs the store (an open ballot, a code whose unit was prefetched: nearly every
 * ballot), a promise otherwise. A refusal may be thrown either way: call it inside the same try as the await.
 */
export function checkEligibility(ctx: EligibilityContext, input: Credentials): Eligible | Promise<Eligible> {
  switch (ctx.ballot.eligibility) {
    case 'open':
      return openVoter(ctx, input.voterKey);
    case 'code':
      return codeVoter(ctx, input.code);
    case 'signed':
      return signedVoter(ctx, input.token);
  }
}

function openVoter(ctx: EligibilityContext, voterKey: string | undefined): Eligible {
  if (voterKey === undefined || voterKey === '') {
    throw new DomainError('invalid', 'voterKey is required for an open ballot', { field: 'voterKey' });
  }
  return {
    voterHash: voterHash(ctx.pepper, ctx.consultationId, `open:${voterKey}`),
    weight: { areaHundredths: null, count: 1 },
  };
}

function codeVoter(ctx: EligibilityContext, code: string | undefined): Eligible | Promise<Eligible> {
  if (code === undefined || code.trim() === '') {
    throw new DomainError('invalid', 'code is required: enter the voting code printed for your unit', {
      field: 'code',
    });
  }
  const normalized = normalizeCode(code);
  if (normalized === null) {
    throw new DomainError('invalid', 'code must be 8 letters and digits, e.g. ABCD-2345', { field: 'code' });
  }
  const known = ctx.prefetched?.normalized === normalized ? ctx.prefetched : undefined;
  if (known) return unitVoter(ctx, known.codeHash, known.unit);
  const codeHash = hashCode(ctx.pepper, ctx.consultationId, normalized);
  return ctx.store.findRollUnitByCode(ctx.consultationId, codeHash).then((unit) => unitVoter(ctx, codeHash, unit));
}

function unitVoter(ctx: EligibilityContext, codeHash: string, unit: RollUnitRecord | null): Eligible {
  if (!unit) throw new DomainError('forbidden', 'this code is not valid for this consultation', { field: 'code' });
  if (unit.voted) throw new DomainError('conflict', 'this code has already been used', { field: 'code' });
  return {
    voterHash: unitVoterHash(ctx.pepper, ctx.consultationId, unit.unit),
    weight: { areaHundredths: unit.areaHundredths, count: unit.headcount },
    rollUnit: { unit: unit.unit, codeHash },
  };
}

function algorithmOf(key: SiteKeyRecord, jwk?: Record<string, unknown>): string {
  if (key.kind === 'secret') return 'HS256';
  if (typeof jwk?.alg === 'string') return jwk.alg;
  if (jwk?.kty === 'OKP') return 'EdDSA';
  return 'ES256';
}

async function verifyWith(key: SiteKeyRecord, token: string, audience: string): Promise<JWTPayload> {
  const jwk = key.kind === 'jwk' ? (JSON.parse(key.material) as Record<string, unknown>) : undefined;
  const alg = algorithmOf(key, jwk);
  const material = jwk ? await importJWK(jwk, alg) : new TextEncoder().encode(key.material);
  const { payload } = await jwtVerify(token, material, {
    audience,
    algorithms: [alg],
    requiredClaims: ['sub', 'exp'],
    clockTolerance: 30,
  });
  return payload;
}

function tokenRefusal(error: unknown): DomainError {
  if (error instanceof errors.JWTExpired)
    return new DomainError('forbidden', 'the token has expired', { field: 'token' });
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim =
      error.claim === 'aud' ? 'audience (aud) is not this consultation' : `claim "${error.claim}" is invalid`;
    return new DomainError('forbidden', `the token's ${claim}`, { field: 'token' });
  }
  return new DomainError('forbidden', 'the token is not signed by a key of this site', { field: 'token' });
}

async function signedVoter(ctx: EligibilityContext, token: string | undefined): Promise<Eligible> {
  if (token === undefined || token === '') {
    throw new DomainError('invalid', 'token is required: this ballot is for voters vouched for by the host site', {
      field: 'token',
    });
  }
  if (token.length > 8192 || token.split('.').length !== 3) {
    throw new DomainError('invalid', 'token is not a JWT (three dot-separated parts)', { field: 'token' });
  }
  const sites = ctx.community ? [ctx.slug, ctx.community] : [ctx.slug];
  const keys = await ctx.store.getSiteKeys(sites);
  if (keys.length === 0)
    throw new DomainError('forbidden', 'no site key is configured for this consultation', { field: 'token' });
  let payload: JWTPayload | null = null;
  let refusal: DomainError | null = null;
  for (const key of keys) {
    try {
      payload = await verifyWith(key, token, ctx.slug);
      break;
    } catch (error) {
      // A claim failure means the signature was good: that is the most useful thing to report.
      if (!refusal || error instanceof errors.JWTExpired || error instanceof errors.JWTClaimValidationFailed) {
        refusal = tokenRefusal(error);
      }
    }
  }
  if (!payload) throw refusal ?? tokenRefusal(null);
  // `sub` names the voter: a number, an object or "" would merge different people into one voter (or one
  // voter per stringification), so only a non-empty string is an identity.
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '' || payload.sub.length > 256) {
    throw new DomainError('forbidden', "the token's sub claim must be a non-empty string (at most 256 characters)", {
      field: 'token',
    });
  }
  return {
    voterHash: voterHash(ctx.pepper, ctx.consultationId, `signed:${payload.sub}`),
    weight: signedWeight(ctx, payload),
  };
}

/** The weight a site vouches for: `area` (m², "86.20" or 86.2) and `count` (owners, default 1). */
function signedWeight(ctx: EligibilityContext, payload: JWTPayload): BallotWeight {
  let areaHundredths: bigint | null = null;
  if (payload.area !== undefined) {
    const area =
      typeof payload.area === 'string' || typeof payload.area === 'number' ? parseHundredths(payload.area) : null;
    if (area === null)
      throw new DomainError('forbidden', `the token's area claim "${String(payload.area)}" is not an area in m²`, {
        field: 'token',
      });
    areaHundredths = area;
  } else if (isCivilCode(ctx.ballot.rule.preset)) {
    throw new DomainError('forbidden', `the token carries no area claim, which ${ctx.ballot.rule.preset} needs`, {
      field: 'token',
    });
  }
  let count = 1;
  if (payload.count !== undefined) {
    if (
      typeof payload.count !== 'number' ||
      !Number.isInteger(payload.count) ||
      payload.count < 1 ||
      payload.count > 1000
    ) {
      throw new DomainError('forbidden', "the token's count claim must be a whole number of owners", {
        field: 'token',
      });
    }
    count = payload.count;
  }
  return { areaHundredths, count };
}
