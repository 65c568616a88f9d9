import type { ClinicBranding, GoodFaithEstimate } from '@ketaflow/core';
import PDFDocument from 'pdfkit';

/** KetaFlow's teal (Mantine teal 9), used when the clinic has not chosen a colour. */
const DEFAULT_COLOR = '#087f5b';
const MARGIN = 50;

/** The logo's bytes when it is an inline PNG or JPEG (remote logos are not fetched). */
function inlineLogo(branding: ClinicBranding | undefined): Buffer | null {
  const match = /^data:image\/(?:png|jpeg);base64,(.+)$/.exec(branding?.logo ?? '');
  return match?.[1] === undefined ? null : Buffer.from(match[1], 'base64');
}

function contactLines(gfe: GoodFaithEstimate): string[] {
  const c = gfe.provider.contact;
  if (c === null) return [];
  return [c.address, [c.phone, c.email].filter(Boolean).join('  ·  '), c.website].filter(
    (line): line is string => line !== null && line !== '',
  );
}

/**
 * Renders a Good Faith Estimate as a one-page PDF in the clinic's colours: provider, patient,
 * dates, items, the expected total and the self-pay notice. Text only in the standard Helvetica
 * fonts, so it prints anywhere and its text can be extracted.
 */
export function renderGoodFaithEstimatePdf(
  gfe: GoodFaithEstimate,
  branding: ClinicBranding | undefined,
): Promise<Buffer> {
  const color = branding?.primaryColor ?? DEFAULT_COLOR;
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    info: {
      Title: `Good Faith Estimate: ${gfe.provider.name}`,
      Author: gfe.provider.name,
      Creator: 'KetaFlow',
      CreationDate: new Date(`${gfe.issuedOn}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  doc.rect(0, 0, doc.page.width, 8).fill(color);

  const logo = inlineLogo(branding);
  let textX = MARGIN;
  if (logo !== null) {
    try {
      doc.image(logo, MARGIN, 28, { fit: [56, 56] });
      textX = MARGIN + 68;
    } catch {
      // A logo pdfkit cannot read is left out; the clinic's name still heads the page.
    }
  }
  doc.fillColor(color).font('Helvetica-Bold').fontSize(18).text(gfe.provider.name, textX, 30);
  doc.fillColor('#333333').font('Helvetica').fontSize(9);
  for (const line of contactLines(gfe)) doc.text(line, textX);
  doc.moveDown(1.5);

  doc.x = MARGIN;
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(16).text('Good Faith Estimate');
  doc.font('Helvetica').fontSize(10);
  doc.text(`Patient: ${gfe.patientName ?? '____________________________'}`);
  doc.text(`Date of estimate: ${gfe.issuedOn}    Valid through: ${gfe.validThrough}`);
  doc.text(`Care: IV ketamine infusions · reason for care: ${gfe.indicationName}`);
  doc.moveDown();

  const cols = [
    { title: 'Code', w: 90 },
    { title: 'Item', w: width - 90 - 60 - 80 - 100 },
    { title: 'Quantity', w: 60 },
    { title: 'Unit price', w: 80 },
    { title: 'Expected charge', w: 100 },
  ];
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = MARGIN;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const w = cols[i]?.w ?? 60;
      doc.text(cell, x + 2, y, { width: w - 4 });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    doc.x = MARGIN;
    doc.y = bottom + 4;
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + width, doc.y - 2)
      .strokeColor('#cccccc')
      .stroke();
  };
  row(
    cols.map((c) => c.title),
    true,
  );
  for (const item of gfe.items)
    row([item.code, item.description, item.quantity, item.unitPrice, item.amount], false);

  doc.moveDown(0.5);
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('#000000')
    .text(`Expected total: ${gfe.expectedTotalText}`, MARGIN, doc.y, { width });
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  for (const item of gfe.items) doc.text(item.arithmetic, { width });
  if (gfe.estimate.totalArithmetic !== 'No total')
    doc.text(`Total: ${gfe.estimate.totalArithmetic}`, { width });
  doc.moveDown();

  doc
    .fillColor(color)
    .font('Helvetica-Bold')
    .fontSize(11)
    .text('Your rights as a self-pay patient');
  doc.fillColor('#000000').font('Helvetica').fontSize(9);
  for (const paragraph of gfe.disclaimer) {
    doc.text(paragraph, { width, align: 'left' });
    doc.moveDown(0.4);
  }
  doc.moveDown();
  doc
    .fontSize(7)
    .fillColor('#555555')
    .text(`Prepared with KetaFlow · knowledge version ${gfe.estimate.knowledgeVersion}`, { width });
  doc.end();
  return done;
}
