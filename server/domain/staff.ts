/**
 * Rolls and codes, site keys, staff tokens and departments: the things staff set up before residents vote.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IssuedCode, RollImportResponse, SiteKeyRequest } from '@linli/core';
import { formatHundredths } from '@linli/core';
import { z } from 'zod';
import { renderCodeSheet } from './code-sheet';
import { generateCode, hashCode, normalizeCode } from './codes';
import { type DomainContext, isoNow, parseWith, requireConsultation } from './context';
import { parseRollCsv } from './roll-csv';
import { type CodeSheetOptions, DomainError, type StaffIdentity } from './service';
import { storeWrite } from './store-refusals';

/** ~100 000 units of ~50 characters: far beyond any 小区, small enough to parse in one go. */
const MAX_ROLL_CHARS = 8_000_000;

export async function importRoll(ctx: DomainContext, slug: string, csvText: string): Promise<RollImportResponse> {
  if (typeof csvText !== 'string') throw new DomainError('invalid', 'the roll must be CSV text', { field: '(body)' });
  if (csvText.length > MAX_ROLL_CHARS) {
    throw new DomainError(
      'payload_too_large',
      `a roll CSV holds at most ${MAX_ROLL_CHARS / 1_000_000} million characters`,
    );
  }
  const record = await requireConsultation(ctx, slug);
  const units = parseRollCsv(csvText);
  const totals = await storeWrite(ctx.store.replaceRoll(record.id, units));
  ctx.invalidate(slug);
  return { units: totals.units, totalArea: formatHundredths(totals.area), totalCount: totals.count };
}

export async function issueCodes(
  ctx: DomainContext,
  slug: string,
  options: { reissue?: boolean } = {},
): Promise<IssuedCode[]> {
  const record = await requireConsultation(ctx, slug);
  if (record.doc.ballot && record.doc.ballot.eligibility !== 'code') {
    throw new DomainError(
      'conflict',
      `consultation "${slug}" votes with eligibility "${record.doc.ballot.eligibility}", not code`,
    );
  }
  if (!(await ctx.store.rollTotals(record.id))) {
    throw new DomainError('conflict', `consultation "${slug}" has no voter roll yet: import one first`);
  }
  return ctx.store.assignCodes(record.id, options.reissue ?? false, () => {
    const code = generateCode();
    return { code, hash: hashCode(ctx.pepper, record.id, normalizeCode(code)!) };
  });
}

export async function codeSheetHtml(ctx: DomainContext, slug: string, options: CodeSheetOptions): Promise<string> {
  const record = await requireConsultation(ctx, slug);
  const publicUrl = parseWith(z.url({ protocol: /^https?$/ }), options.publicUrl, 'publicUrl');
  return renderCodeSheet({
    slug: record.slug,
    title: record.doc.title,
    community: record.doc.community,
    publicUrl,
    codes: options.codes,
    ...(record.doc.ballot?.closesAt ? { closesAt: record.doc.ballot.closesAt } : {}),
  });
}

export async function addSiteKey(ctx: DomainContext, site: string, key: SiteKeyRequest) {
  // `site` and the key's shape were validated at the edge (SiteParam, SiteKeyRequest); the key material is judged here.
  const name = site;
  const kid = key.kid ?? null;
  if (key.kind === 'secret') {
    await ctx.store.addSiteKey({ site: name, kind: 'secret', material: key.secret, kid }, isoNow(ctx));
    return;
  }
  if (key.kind === 'jwk') {
    const jwk: Record<string, unknown> | undefined = key.jwk;
    const okEc = jwk?.kty === 'EC' && jwk.crv === 'P-256';
    const okEd = jwk?.kty === 'OKP' && jwk.crv === 'Ed25519';
    if (!jwk || (!okEc && !okEd)) {
      throw new DomainError('invalid', 'jwk must be a public EC P-256 (ES256) or OKP Ed25519 (EdDSA) key', {
        field: 'jwk',
      });
    }
    if ('d' in jwk)
      throw new DomainError('invalid', 'jwk holds a private key: send the public key only', { field: 'jwk.d' });
    await ctx.store.addSiteKey(
      { site: name, kind: 'jwk', material: JSON.stringify(jwk), kid: kid ?? (jwk.kid as string | undefined) ?? null },
      isoNow(ctx),
    );
    return;
  }
  throw new DomainError('invalid', 'kind must be "secret" or "jwk"', { field: 'kind' });
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const StaffName = z.string().trim().min(1).max(100);

export async function createToken(ctx: DomainContext, input: { name: string; department?: string }) {
  const name = parseWith(StaffName, input?.name, 'name');
  const department = parseWith(StaffName.optional(), input?.department, 'department');
  if (department !== undefined && !(await ctx.store.listDepartments()).includes(department)) {
    throw new DomainError('invalid', `no department "${department}" (add it with linli department add)`, {
      field: 'department',
    });
  }
  // 32 random bytes: far beyond guessing, so an unsalted sha256 is the right storage (lookup by hash).
  const token = `linli_${randomBytes(32).toString('base64url')}`;
  await ctx.store.insertToken(tokenHash(token), { name, department: department ?? null }, isoNow(ctx));
  return token;
}

export async function authenticate(ctx: DomainContext, token: string): Promise<StaffIdentity | null> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 200) return null;
  const record = await ctx.store.findToken(tokenHash(token));
  if (!record || record.revoked) return null;
  return { name: record.name, ...(record.department ? { department: record.department } : {}) };
}

export async function addDepartment(ctx: DomainContext, name: string) {
  await storeWrite(ctx.store.insertDepartment(parseWith(StaffName, name, 'name'), isoNow(ctx)));
}
