import { eq } from 'drizzle-orm';
import * as iTXt from 'png-chunk-itxt';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { achievement } from '../../db/schema/index.js';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { awardedToSelf, independentVerifier } from '../../test/badge-verifier.js';
import { multipart } from '../../test/multipart.js';
import { asElement, OB3_NAMESPACE, PNG_KEYWORD } from './baked-image.js';
import { warmSigners } from './signing-pool.js';

const t = await createTestApp();
await warmSigners(); // a signing thread ready before the first award (signing-pool.ts)
const independentlyVerify = independentVerifier(t);

/** An achievement (with the template image, an SVG, unless one is given) awarded to `self`. */
async function awarded(image?: string, name = 'Data storyteller') {
  const c = await createCast(t);
  return { c, ...(await awardedToSelf(t, c, { name, ...(image && { image }) })) };
}

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** The credential an independent reader finds in a PNG: png-chunks-extract and the iTXt decoder alone. */
function readPng(bytes: Buffer) {
  const chunk = extractChunks(bytes).find((c) => c.name === 'iTXt' && iTXt.decodeSync(c.data).keyword === PNG_KEYWORD);
  return chunk && JSON.parse(iTXt.decodeSync(chunk.data).text);
}

/** The credential an independent reader finds in an SVG (by namespace, not by prefix). */
function readSvg(text: string) {
  const root = asElement(create(text).root().node);
  const element = root.getElementsByTagNameNS(OB3_NAMESPACE, 'credential')[0];
  return { root, element, credential: element && JSON.parse(element.textContent ?? '') };
}

async function verifyUpload(name: string, type: string, bytes: Buffer) {
  const body = await multipart({}, { name, type, bytes });
  return t.app.inject({ method: 'POST', url: '/api/credentials/verify', ...body });
}

/** A small real PNG (pngjs draws it), as an uploaded achievement image. */
function plainPng() {
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(200);
  return PNG.sync.write(png);
}

describe('a baked PNG', () => {
  it('carries the signed credential in an iTXt chunk; extracted, it verifies independently and with our route', async () => {
    const { awardId, credential } = await awarded();
    const res = await get(`/api/credentials/${awardId}/badge.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain(`filename="badge-${awardId}.png"`);
    const bytes = res.rawPayload;
    // A real PNG (the SVG template drawn by resvg) that an ordinary decoder reads.
    expect(PNG.sync.read(bytes).width).toBe(256);
    const baked = readPng(bytes);
    expect(baked).toEqual(credential);
    const independent = await independentlyVerify(baked);
    expect(independent.verified, JSON.stringify(independent.error)).toBe(true);

    const ours = await verifyUpload('badge.png', 'image/png', bytes);
    expect(ours.statusCode).toBe(200);
    expect(ours.json()).toMatchObject({ status: 'valid', source: 'png', credential: { id: credential.id } });
  });

  it('of an uploaded PNG image keeps that image and adds the credential', async () => {
    const image = plainPng();
    const { awardId, credential } = await awarded(`data:image/png;base64,${image.toString('base64')}`);
    const bytes = (await get(`/api/credentials/${awardId}/badge.png`)).rawPayload;
    expect(PNG.sync.read(bytes).width).toBe(4);
    const chunks = extractChunks(bytes);
    expect(chunks.filter((c) => c.name === 'iTXt')).toHaveLength(1);
    expect(chunks.at(-1)?.name).toBe('IEND');
    expect(readPng(bytes)).toEqual(credential);
  });

  it('tampered (the name in its credential changed) is invalid, naming what changed', async () => {
    const { awardId } = await awarded();
    const bytes = (await get(`/api/credentials/${awardId}/badge.png`)).rawPayload;
    const chunks = extractChunks(bytes).map((c) => {
      if (c.name !== 'iTXt') return c;
      const text = iTXt.decodeSync(c.data);
      const forged = JSON.parse(text.text);
      forged.credentialSubject.achievement.name = 'Data wizard';
      return { name: 'iTXt', data: iTXt.encodeSync({ ...text, text: JSON.stringify(forged) }) };
    });
    const tampered = Buffer.from(encodeChunks(chunks));
    expect((await independentlyVerify(readPng(tampered))).verified).toBe(false);
    const res = await verifyUpload('badge.png', 'image/png', tampered);
    expect(res.statusCode).toBe(200);
    const signature = res.json().checks.find((ch: Json) => ch.check === 'signature');
    expect(res.json().status).toBe('invalid');
    expect(signature.message).toContain('Changed since it was issued: credentialSubject.achievement.name.');
  });

  it('with no credential, or not an image at all, answers 400 saying so', async () => {
    const plain = await verifyUpload('plain.png', 'image/png', plainPng());
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.fields.file).toBe(
      `That PNG holds no Open Badges credential (no iTXt chunk "${PNG_KEYWORD}"), so there is nothing to verify in it.`,
    );
    const text = await verifyUpload('notes.txt', 'text/plain', Buffer.from('just some notes'));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.fields.file).toBe('That file is not a PNG or an SVG image.');
    const damaged = Buffer.concat([plainPng().subarray(0, 40), Buffer.from('garbage')]);
    expect((await verifyUpload('cut.png', 'image/png', damaged)).json().error.fields.file).toMatch(/damaged/);
  });
});

describe('a baked SVG', () => {
  it('holds the credential in <openbadges:credential>, its first element, and verifies both ways', async () => {
    const { awardId, credential } = await awarded();
    const res = await get(`/api/credentials/${awardId}/badge.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename="badge-${awardId}.svg"`);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.body).toContain(`xmlns:openbadges="${OB3_NAMESPACE}"`);
    expect(res.body).toContain('<openbadges:credential><![CDATA[{');
    const { root, element, credential: baked } = readSvg(res.body);
    expect(root.localName).toBe('svg');
    expect(root.firstElementChild).toBe(element);
    expect(baked).toEqual(credential);
    expect((await independentlyVerify(baked)).verified).toBe(true);
    const ours = await verifyUpload('badge.svg', 'image/svg+xml', Buffer.from(res.body));
    expect(ours.json()).toMatchObject({ status: 'valid', source: 'svg' });
  });

  it('keeps a credential whose text holds "]]>" intact (it cannot end the CDATA)', async () => {
    const { awardId, credential } = await awarded(undefined, 'Closing ]]> brackets');
    const svg = (await get(`/api/credentials/${awardId}/badge.svg`)).body;
    expect(JSON.stringify(credential)).toContain(']]>');
    expect(readSvg(svg).credential).toEqual(credential);
    expect((await verifyUpload('b.svg', 'image/svg+xml', Buffer.from(svg))).json().status).toBe('valid');
  });

  it('of a PNG achievement image wraps the image and verifies', async () => {
    const image = `data:image/png;base64,${plainPng().toString('base64')}`;
    const { awardId, credential } = await awarded(image);
    const svg = (await get(`/api/credentials/${awardId}/badge.svg`)).body;
    const { root, credential: baked } = readSvg(svg);
    expect(root.getElementsByTagName('image')[0]?.getAttribute('href')).toBe(image);
    expect(baked).toEqual(credential);
  });

  it('is read safely: declared entities are not expanded, nothing is fetched, and none baked answers 400', async () => {
    const { awardId } = await awarded();
    const baked = (await get(`/api/credentials/${awardId}/badge.svg`)).body.replace(/^<\?xml[^>]*\?>/, '');
    const hostile = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY lol "lollollollollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
${baked.replace('<openbadges:credential>', '<text>&lol2;&xxe;</text><openbadges:credential>')}`;
    const res = await verifyUpload('hostile.svg', 'image/svg+xml', Buffer.from(hostile));
    // The credential is still read and checked; the entities were neither expanded nor resolved.
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('valid');
    expect(JSON.stringify(res.json())).not.toContain('root:');
    // The parser it goes through keeps the references as they are: no expansion, no file read.
    const text = asElement(create(hostile).root().node).getElementsByTagName('text')[0];
    expect(text?.textContent).not.toContain('lollol');
    expect(text?.textContent).not.toContain('root:');

    const empty = await verifyUpload(
      'plain.svg',
      'image/svg+xml',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'),
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.file).toBe(
      'That SVG holds no Open Badges credential (no <openbadges:credential> element), so there is nothing to verify in it.',
    );
  });
});

describe('an SVG image that cannot be drawn', () => {
  const broken = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"').toString('base64')}`;

  it('is refused on upload, naming the image', async () => {
    const c = await createCast(t);
    const res = await t.call('POST', `/api/orgs/${c.org.id}/achievements`, c.as('admin') as Record<string, string>, {
      name: 'Broken',
      description: 'd',
      criteria: 'c',
      image: broken,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.image).toBe('That SVG cannot be drawn (it is not well-formed): export it again.');
  });

  it('stored before that check, still gives baked badges (the template stands in), never a 5xx', async () => {
    const c = await createCast(t);
    const admin = c.as('admin') as Record<string, string>;
    const created = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
      name: 'Older badge',
      description: 'd',
      criteria: 'c',
    });
    await t.db.update(achievement).set({ image: broken }).where(eq(achievement.id, created.id));
    const { awards } = await t.callOk('POST', `/api/achievements/${created.id}/awards`, admin, {
      memberIds: [c.members.self.id],
      reason: 'r',
    });
    const credential = await t.callOk('GET', `/api/credentials/${awards[0].id}/download`, {});
    expect(credential.credentialSubject.achievement.image.id).toBe(broken);
    const png = await get(`/api/credentials/${awards[0].id}/badge.png`);
    expect(png.statusCode).toBe(200);
    expect(readPng(png.rawPayload)).toEqual(credential);
    const svg = await get(`/api/credentials/${awards[0].id}/badge.svg`);
    expect(svg.statusCode).toBe(200);
    expect(readSvg(svg.body).credential).toEqual(credential);
  });
});

describe('verifying', () => {
  it('takes JSON as before, a JSON file, and refuses an empty request or a file over 1 MB', async () => {
    const { credential } = await awarded();
    const json = await t.callOk('POST', '/api/credentials/verify', {}, { credential });
    expect(json).toMatchObject({ status: 'valid', source: 'json' });
    const file = await verifyUpload('badge.json', 'application/json', Buffer.from(JSON.stringify(credential)));
    expect(file.json()).toMatchObject({ status: 'valid', source: 'json' });
    const nothing = await t.app.inject({ method: 'POST', url: '/api/credentials/verify' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.fields.credential).toMatch(/Send the credential as JSON/);
    const big = await verifyUpload('big.png', 'image/png', Buffer.alloc(1024 * 1024 + 10, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.fields.file).toBe('Keep the file under 1 MB.');
  });

  it('answers 404 for the images of a credential that does not exist', async () => {
    expect((await get('/api/credentials/00000000-0000-4000-8000-000000000000/badge.png')).statusCode).toBe(404);
    expect((await get('/api/credentials/00000000-0000-4000-8000-000000000000/badge.svg')).statusCode).toBe(404);
  });
});

describe('"Add to LinkedIn profile"', () => {
  it('is LinkedIn’s add-certification link with the badge’s name, issuer, dates, public page and id', async () => {
    const c = await createCast(t);
    const admin = c.as('admin') as Record<string, string>;
    await t.callOk('PUT', `/api/orgs/${c.org.id}/badges/issuer`, admin, {
      name: 'Acme Academy & Co',
      url: null,
      imageUrl: null,
      colour: '#1f5f8b',
      version: 1,
    });
    const achievement = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
      name: 'Data storyteller',
      description: 'd',
      criteria: 'c',
      expiryDays: 365,
    });
    await t.callOk('POST', `/api/achievements/${achievement.id}/awards`, admin, {
      memberIds: [c.members.self.id],
      reason: 'r',
    });
    const [award] = (await t.callOk('GET', `/api/orgs/${c.org.id}/my-badges`, c.as('self') as Record<string, string>))
      .awards;
    const link = new URL(award.addToLinkedInUrl);
    expect(`${link.origin}${link.pathname}`).toBe('https://www.linkedin.com/profile/add');
    const issued = new Date(award.issuedAt);
    const expires = new Date(award.expiresAt);
    expect(Object.fromEntries(link.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data storyteller',
      organizationName: 'Acme Academy & Co',
      issueYear: String(issued.getUTCFullYear()),
      issueMonth: String(issued.getUTCMonth() + 1),
      expirationYear: String(expires.getUTCFullYear()),
      expirationMonth: String(expires.getUTCMonth() + 1),
      certUrl: award.verificationUrl,
      certId: award.id,
    });
  });
});
