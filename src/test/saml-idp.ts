import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';
import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';

/*
 * A small SAML 2.0 identity provider for the tests: a key pair and self-signed certificate made at start, its
 * metadata served over HTTP, AuthnRequests read from the HTTP-Redirect binding, and responses built and signed
 * (assertion signature, RSA-SHA256, exclusive c14n) with xml-crypto — or tampered with the way an attacker would:
 * unsigned, for another audience, stale, wrapped around a forged assertion. In a browser, its sign-in page asks
 * for an address and posts the signed response to the ACS, as a real provider's page does.
 */

const SIG_ALG = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const DIGEST = 'http://www.w3.org/2001/04/xmlenc#sha256';
const C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

function selfSigned() {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
  const attrs = [{ name: 'commonName', value: 'Waymark test IdP' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return {
    privateKey: forge.pki.privateKeyToPem(keys.privateKey),
    certPem,
    certBase64: certPem.replace(/-----[^-]+-----|\s+/g, ''),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const idpMetadataXml = (entityId: string, ssoUrl: string, certBase64: string) => `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>${NAMEID_EMAIL}</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ssoUrl}"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

let metadataOnly: string | undefined;
/** Metadata of a provider that is not running (a real certificate, made once): for set-up steps alone. */
export function testIdpMetadata(): string {
  metadataOnly ??= idpMetadataXml(
    'https://idp.example.test/idp',
    'https://idp.example.test/sso',
    selfSigned().certBase64,
  );
  return metadataOnly;
}

export interface AuthnRequestSeen {
  id: string;
  acsUrl: string;
  issuer: string;
}

/** What to put in (or leave out of) a response. */
export interface ResponseOptions {
  email: string;
  name?: { given: string; surname: string };
  /** Defaults to the request's issuer (our entity id). */
  audience?: string;
  /** Defaults to the request's ACS URL. */
  recipient?: string;
  /** The Response's Destination; defaults to the request's ACS URL. */
  destination?: string;
  /** Defaults to the request's ID; null leaves it out of the Response. */
  inResponseTo?: string | null;
  /** Put InResponseTo in the SubjectConfirmationData too (default true). */
  subjectInResponseTo?: boolean;
  /** Milliseconds from now for NotOnOrAfter (default five minutes). */
  validForMs?: number;
  signed?: boolean;
  assertionId?: string;
}

export interface TestSamlIdp {
  entityId: string;
  ssoUrl: string;
  metadataUrl: string;
  metadataXml: string;
  certBase64: string;
  readRequest(redirectUrl: string): AuthnRequestSeen;
  /** An AuthnRequest sent by the HTTP-POST binding (plain base64). */
  readPostedRequest(samlRequest: string): AuthnRequestSeen;
  /** A base64 SAMLResponse answering the request. */
  respond(request: AuthnRequestSeen, options: ResponseOptions): string;
  /** The signed assertion of a response, as XML (to replay or wrap it). */
  assertionOf(samlResponse: string): string;
  /** A response (for `request`) around an assertion taken from elsewhere, unchanged. */
  rewrap(request: AuthnRequestSeen, assertionXml: string): string;
  close(): Promise<void>;
}

/**
 * Starts the provider on 127.0.0.1; `host` names it in its URLs (`localhost` puts it on another site than a
 * Waymark at 127.0.0.1, so that its page's POST to the ACS is cross-site, as in life).
 */
export async function startSamlIdp(host = '127.0.0.1'): Promise<TestSamlIdp> {
  const { privateKey, certPem, certBase64 } = selfSigned();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://${host}:${(server.address() as AddressInfo).port}`;
  const entityId = `${base}/idp`;
  const ssoUrl = `${base}/sso`;
  const metadataXml = idpMetadataXml(entityId, ssoUrl, certBase64);

  function readRequest(redirectUrl: string): AuthnRequestSeen {
    const raw = new URL(redirectUrl).searchParams.get('SAMLRequest') ?? '';
    return readRequestXml(inflateRawSync(Buffer.from(raw, 'base64')).toString('utf8'));
  }

  function readRequestXml(xml: string): AuthnRequestSeen {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1] ?? '';
    return {
      id: attr('ID'),
      acsUrl: attr('AssertionConsumerServiceURL'),
      issuer: /<(?:\w+:)?Issuer[^>]*>([^<]*)</.exec(xml)?.[1] ?? '',
    };
  }

  function assertionXml(request: AuthnRequestSeen, o: ResponseOptions): string {
    const now = new Date();
    const until = new Date(now.getTime() + (o.validForMs ?? 5 * 60_000)).toISOString();
    const notBefore = new Date(Math.min(now.getTime(), now.getTime() + (o.validForMs ?? 0)) - 60_000).toISOString();
    const inResponseTo = o.inResponseTo === undefined ? request.id : o.inResponseTo;
    const subjectIrt = o.subjectInResponseTo !== false && inResponseTo ? ` InResponseTo="${esc(inResponseTo)}"` : '';
    const id = o.assertionId ?? `_a${randomUUID().replace(/-/g, '')}`;
    const name = o.name ?? { given: 'Sam', surname: 'Lee' };
    const attribute = (n: string, v: string) =>
      `<saml:Attribute Name="${n}"><saml:AttributeValue>${esc(v)}</saml:AttributeValue></saml:Attribute>`;
    return `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}"><saml:Issuer>${entityId}</saml:Issuer><saml:Subject><saml:NameID Format="${NAMEID_EMAIL}">${esc(o.email)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${esc(o.recipient ?? request.acsUrl)}"${subjectIrt}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience ?? request.issuer)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_s${randomUUID()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attribute('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress', o.email)}${attribute('givenName', name.given)}${attribute('surname', name.surname)}</saml:AttributeStatement></saml:Assertion>`;
  }

  function sign(assertion: string): string {
    const sig = new SignedXml({
      privateKey,
      publicCert: certPem,
      signatureAlgorithm: SIG_ALG,
      canonicalizationAlgorithm: C14N,
    });
    sig.addReference({
      xpath: "/*[local-name(.)='Assertion']",
      digestAlgorithm: DIGEST,
      transforms: [ENVELOPED, C14N],
    });
    sig.computeSignature(assertion, {
      location: { reference: "/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' },
    });
    return sig.getSignedXml();
  }

  function envelope(request: AuthnRequestSeen, assertion: string, inResponseTo: string | null, destination?: string) {
    const irt = inResponseTo ? ` InResponseTo="${esc(inResponseTo)}"` : '';
    const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID().replace(/-/g, '')}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${esc(destination ?? request.acsUrl)}"${irt}><saml:Issuer>${entityId}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
    return Buffer.from(xml).toString('base64');
  }

  function respond(request: AuthnRequestSeen, o: ResponseOptions): string {
    const assertion = assertionXml(request, o);
    const inResponseTo = o.inResponseTo === undefined ? request.id : o.inResponseTo;
    return envelope(request, o.signed === false ? assertion : sign(assertion), inResponseTo, o.destination);
  }

  const assertionOf = (samlResponse: string) => {
    const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
    return xml.slice(xml.indexOf('<saml:Assertion'), xml.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length);
  };

  // The browser's way: the sign-in page, then the self-submitting form to the ACS.
  const pending = new Map<string, AuthnRequestSeen>();
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/metadata') {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(metadataXml);
      return;
    }
    if (url.pathname === '/sso' && req.method === 'GET') {
      const request = readRequest(url.toString());
      const key = randomUUID();
      pending.set(key, request);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><title>Test IdP</title><main><h1>Test identity provider</h1>
<form method="post" action="/login"><input type="hidden" name="key" value="${key}">
<label>E-mail <input name="email" type="email" autocomplete="username"></label>
<button type="submit">Sign in at the IdP</button></form></main></html>`,
      );
      return;
    }
    if (url.pathname === '/login' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const request = pending.get(form.get('key') ?? '');
        if (!request) {
          res.writeHead(400).end('unknown request');
          return;
        }
        const saml = respond(request, { email: form.get('email') ?? '' });
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><html lang="en"><title>Test IdP</title><body><form method="post" action="${esc(request.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${saml}"><button type="submit">Continue</button></form><script>document.forms[0].submit()</script></body></html>`,
          );
      });
      return;
    }
    res.writeHead(404).end();
  });

  return {
    entityId,
    ssoUrl,
    metadataUrl: `${base}/metadata`,
    metadataXml,
    certBase64,
    readRequest,
    readPostedRequest: (samlRequest) => readRequestXml(Buffer.from(samlRequest, 'base64').toString('utf8')),
    respond,
    assertionOf,
    rewrap: (request, assertion) => envelope(request, assertion, request.id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
