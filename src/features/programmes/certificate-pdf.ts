import { format, parseISO } from 'date-fns';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { sanitizeForPdf } from '../plans/index.js';
import { getLearnerSettings, localDate } from '../settings/index.js';
import { certificateNames } from './enrolments.repository.js';
import { loadProgrammeOutline } from './programme-outline.js';

/*
 * A certificate of completion as a one-page PDF: who, which programme, which organisation, when. Helvetica only,
 * like the plan's PDF (plans' sanitizeForPdf keeps the text to what it can print); pdfkit loads on first use.
 */

const accent = '#1f3a5f';
const ink = '#1a1a1a';
const muted = '#5c6670';

export interface CertificateFacts {
  name: string;
  programme: string;
  organisation: string;
  /** The participant's local date of completion (YYYY-MM-DD). */
  completedOn: string;
}

export async function certificateToPdf(facts: CertificateFacts): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 72,
    displayTitle: true,
    lang: 'en',
    info: {
      Title: `Certificate: ${facts.programme}`,
      Author: facts.organisation,
      Subject: 'Certificate of completion',
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 144;
  const centred = { width, align: 'center' as const };
  doc
    .rect(36, 36, doc.page.width - 72, doc.page.height - 72)
    .lineWidth(2)
    .stroke(accent);
  doc.moveDown(2).font('Helvetica').fontSize(14).fillColor(muted).text('Certificate of completion', centred);
  doc.moveDown(1.5).font('Helvetica-Bold').fontSize(30).fillColor(ink).text(sanitizeForPdf(facts.name), centred);
  doc.moveDown(1).font('Helvetica').fontSize(14).fillColor(muted).text('completed the programme', centred);
  doc
    .moveDown(0.8)
    .font('Helvetica-Bold')
    .fontSize(22)
    .fillColor(accent)
    .text(sanitizeForPdf(facts.programme), centred);
  doc.moveDown(1.5).font('Helvetica').fontSize(13).fillColor(ink);
  doc.text(`${sanitizeForPdf(facts.organisation)}, ${format(parseISO(facts.completedOn), 'd MMMM yyyy')}`, centred);
  doc.end();
  return finished;
}

/** The participant's certificate; 409 until they complete the programme. */
export async function enrolmentCertificate(ctx: AppContext, actor: Actor, enrolmentId: string) {
  const { enrolment } = await requireAccess(ctx, actor, 'enrolment:read', { enrolment: enrolmentId });
  if (enrolment.status !== 'completed' || !enrolment.completedAt) {
    throw conflict('The certificate comes once the programme is completed.');
  }
  const [names, outline, settings] = await Promise.all([
    certificateNames(ctx.db, enrolmentId),
    loadProgrammeOutline(ctx.db, enrolment.programmeId),
    getLearnerSettings(ctx.db, enrolment.userId),
  ]);
  if (!names || !outline) throw notFound('Enrolment');
  const facts = {
    name: names.name,
    programme: outline.programme.title,
    organisation: names.organisation,
    completedOn: localDate(settings.timeZone, enrolment.completedAt),
  };
  const slug = outline.programme.title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return { facts, body: await certificateToPdf(facts), filename: `certificate-${slug || 'programme'}.pdf` };
}
