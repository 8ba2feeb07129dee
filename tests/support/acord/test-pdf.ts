/**
 * ACORD-125-shaped fillable PDFs for tests and Playwright uploads. The field names are written out
 * here rather than taken from `field-names.ts`, so a typo in the extraction table fails a test
 * instead of being copied into the fixture.
 */
import { PDFDocument, PDFHexString, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

type TestFieldDefinition = {
  readonly section: string;
  readonly label: string;
  readonly checkbox?: true;
} & (
  | { readonly standard: string; readonly alias?: string }
  // ACORD 125 has no box for these, so both modes use the vendor-style name.
  | { readonly standard?: undefined; readonly alias: string }
);

const APPLICANT = "APPLICANT INFORMATION";
const LINES = "LINES OF BUSINESS";
const POLICY = "POLICY INFORMATION AND LIMITS";
const EXPOSURE = "PREMISES AND PAYROLL";
const LOSSES = "LOSS HISTORY";

const TEST_FIELDS = {
  insuredName: {
    section: APPLICANT,
    label: "Name (first named insured)",
    standard: "NamedInsured_FullName_A",
    alias: "Applicant Name",
  },
  mailingLine1: {
    section: APPLICANT,
    label: "Mailing address",
    standard: "NamedInsured_MailingAddress_LineOne_A",
    alias: "Mailing Address",
  },
  mailingCity: {
    section: APPLICANT,
    label: "City",
    standard: "NamedInsured_MailingAddress_CityName_A",
    alias: "Mailing City",
  },
  mailingState: {
    section: APPLICANT,
    label: "State",
    standard: "NamedInsured_MailingAddress_StateOrProvinceCode_A",
    alias: "Mailing State",
  },
  mailingPostalCode: {
    section: APPLICANT,
    label: "ZIP",
    standard: "NamedInsured_MailingAddress_PostalCode_A",
    alias: "Mailing Zip",
  },
  homeState: { section: APPLICANT, label: "Home state", alias: "Home State" },
  naicsCode: { section: APPLICANT, label: "NAICS", standard: "NamedInsured_NAICSCode_A", alias: "NAICS Code" },
  sicCode: { section: APPLICANT, label: "SIC", standard: "NamedInsured_SICCode_A", alias: "SIC Code" },
  businessStartDate: {
    section: APPLICANT,
    label: "Date business started",
    standard: "NamedInsured_BusinessStartDate_A",
    alias: "Date Business Started",
  },
  yearsInBusiness: { section: APPLICANT, label: "Years in business", alias: "Years in Business" },
  contactEmail: {
    section: APPLICANT,
    label: "Contact e-mail",
    standard: "NamedInsured_Contact_PrimaryEmailAddress_A",
    alias: "Contact Email",
  },
  contactPhone: {
    section: APPLICANT,
    label: "Contact phone",
    standard: "NamedInsured_Contact_PrimaryPhoneNumber_A",
    alias: "Contact Phone",
  },
  glIndicator: {
    section: LINES,
    label: "Commercial general liability",
    checkbox: true,
    standard: "Policy_LineOfBusiness_CommercialGeneralLiability_A",
    alias: "General Liability",
  },
  wcIndicator: { section: LINES, label: "Workers compensation", checkbox: true, alias: "Workers Compensation" },
  otherLine: {
    section: LINES,
    label: "Other line of business",
    standard: "Policy_LineOfBusiness_OtherLineOfBusinessDescription_A",
    alias: "Line of Business",
  },
  effectiveDate: {
    section: POLICY,
    label: "Proposed effective date",
    standard: "Policy_EffectiveDate_A",
    alias: "Effective Date",
  },
  requestedLimit: {
    section: POLICY,
    label: "GL each occurrence limit",
    standard: "GeneralLiability_EachOccurrence_LimitAmount_A",
    alias: "Each Occurrence Limit",
  },
  aggregateLimit: {
    section: POLICY,
    label: "GL general aggregate limit",
    standard: "GeneralLiability_GeneralAggregate_LimitAmount_A",
    alias: "General Aggregate",
  },
  deductible: {
    section: POLICY,
    label: "GL property damage deductible",
    standard: "GeneralLiability_PropertyDamage_DeductibleAmount_A",
    alias: "Deductible",
  },
  employersLiabilityLimit: {
    section: POLICY,
    label: "WC employers liability each accident",
    standard: "WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A",
    alias: "Each Accident Limit",
  },
  annualRevenue: {
    section: EXPOSURE,
    label: "Premises 1 annual revenues",
    standard: "CommercialStructure_AnnualRevenueAmount_A",
    alias: "Annual Revenue",
  },
  annualRevenue2: {
    section: EXPOSURE,
    label: "Premises 2 annual revenues",
    standard: "CommercialStructure_AnnualRevenueAmount_B",
  },
  payroll: {
    section: EXPOSURE,
    label: "Class 1 estimated annual remuneration",
    standard: "WorkersCompensation_RateClass_RemunerationAmount_A",
    alias: "Annual Payroll",
  },
  payroll2: {
    section: EXPOSURE,
    label: "Class 2 estimated annual remuneration",
    standard: "WorkersCompensation_RateClass_RemunerationAmount_B",
  },
  noPriorLosses: {
    section: LOSSES,
    label: "No prior losses",
    checkbox: true,
    standard: "LossHistory_NoPriorLossesIndicator_A",
    alias: "No Prior Losses",
  },
  loss1Date: { section: LOSSES, label: "Loss 1 date of occurrence", standard: "LossHistory_OccurrenceDate_A" },
  loss1Paid: { section: LOSSES, label: "Loss 1 amount paid", standard: "LossHistory_PaidAmount_A" },
  loss1Reserved: { section: LOSSES, label: "Loss 1 amount reserved", standard: "LossHistory_ReservedAmount_A" },
  loss2Date: { section: LOSSES, label: "Loss 2 date of occurrence", standard: "LossHistory_OccurrenceDate_B" },
  loss2Paid: { section: LOSSES, label: "Loss 2 amount paid", standard: "LossHistory_PaidAmount_B" },
  loss2Reserved: { section: LOSSES, label: "Loss 2 amount reserved", standard: "LossHistory_ReservedAmount_B" },
  totalPaid: { section: LOSSES, label: "Total paid, all losses", standard: "LossHistory_TotalAmount_A" },
  priorLossCount: { section: LOSSES, label: "Number of losses", alias: "Number of Losses" },
  priorLossAmount: { section: LOSSES, label: "Total incurred", alias: "Total Incurred" },
} as const satisfies Record<string, TestFieldDefinition>;

export type Acord125TestField = keyof typeof TEST_FIELDS;
export type Acord125TestValues = Partial<Record<Acord125TestField, string>>;

export interface BuildOptions {
  /** `standard`: ACORD's field names; `alias`: vendor-style names the extractor knows as aliases. */
  fieldNames?: "standard" | "alias";
  /** Exact PDF names for some fields, e.g. an XFA path or a vendor spelling. */
  rename?: Partial<Record<Acord125TestField, string>>;
  /** More text fields, by exact PDF name, such as a page-2 copy of the insured's name. */
  extraFields?: Readonly<Record<string, string>>;
}

/** A fillable form complete enough for a clean, high-confidence GL extraction. */
export const COMPLETE_GL_VALUES: Acord125TestValues = {
  insuredName: "Harbor Line Plumbing LLC",
  mailingLine1: "4800 Dahlia St Suite 13",
  mailingCity: "Austin",
  mailingState: "TX",
  mailingPostalCode: "78701",
  naicsCode: "238220",
  businessStartDate: "03/01/2012",
  contactEmail: "ops@harborline.example",
  contactPhone: "(512) 555-0142",
  glIndicator: "X",
  effectiveDate: "01/15/2027",
  requestedLimit: "$1,000,000",
  aggregateLimit: "$2,000,000",
  deductible: "$2,500",
  annualRevenue: "$1,250,000",
  noPriorLosses: "X",
};

// Letter size, laid out top to bottom; a new page starts when a row would cross the bottom margin.
const PAGE = { width: 612, height: 792, margin: 40 };
const ROW_HEIGHT = 18;
const WIDGET = { x: 250, width: 322, height: 14 };

export async function buildAcord125Pdf(values: Acord125TestValues, options: BuildOptions = {}): Promise<Uint8Array> {
  const document = await layOutForm(values, options);
  return document.save();
}

/**
 * pdf-lib cannot encrypt. Readers, and pdf-lib's `isEncrypted`, go by the trailer's /Encrypt
 * entry, so a standard security handler dictionary there makes the form look password-protected.
 */
export async function buildEncryptedAcord125Pdf(values: Acord125TestValues = COMPLETE_GL_VALUES): Promise<Uint8Array> {
  const document = await layOutForm(values, {});
  const emptyKey = PDFHexString.of("00".repeat(32));
  const handler = document.context.obj({
    Filter: "Standard",
    V: 2,
    R: 3,
    Length: 128,
    P: -3904,
    O: emptyKey,
    U: emptyKey,
  });
  document.context.trailerInfo.Encrypt = document.context.register(handler);
  return document.save();
}

/** A completed ACORD 125 as a printed or "flattened" copy: the answers are on the page, the fields are gone. */
export async function buildFlattenedAcord125Pdf(values: Acord125TestValues = COMPLETE_GL_VALUES): Promise<Uint8Array> {
  const document = await layOutForm(values, {});
  document.getForm().flatten();
  return document.save();
}

/** A filled-in form cut off part way, as an interrupted download or a broken mail gateway leaves it. */
export async function buildTruncatedAcord125Pdf(values: Acord125TestValues = COMPLETE_GL_VALUES): Promise<Uint8Array> {
  const bytes = await buildAcord125Pdf(values);
  return bytes.slice(0, Math.floor(bytes.byteLength / 2));
}

async function layOutForm(values: Acord125TestValues, options: BuildOptions): Promise<PDFDocument> {
  const document = await PDFDocument.create();
  document.setTitle("ACORD 125 Commercial Insurance Application");
  const fonts = {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  };
  const form = document.getForm();
  const cursor = new Cursor(document, fonts);

  let section = "";
  for (const [key, definition] of Object.entries(TEST_FIELDS) as [Acord125TestField, TestFieldDefinition][]) {
    if (definition.section !== section) {
      section = definition.section;
      cursor.section(section);
    }
    const { page, y } = cursor.row(definition.label);
    const name = options.rename?.[key] ?? fieldName(definition, options.fieldNames ?? "standard");
    const value = values[key];
    if (definition.checkbox) {
      const box = form.createCheckBox(name);
      box.addToPage(page, { x: WIDGET.x, y, width: 12, height: 12 });
      if (value !== undefined && !/^(|off|no|false)$/i.test(value.trim())) {
        box.check();
      }
    } else {
      addTextField(name, value ?? "", page, y, fonts.regular);
    }
  }
  const extras = Object.entries(options.extraFields ?? {});
  if (extras.length > 0) {
    cursor.section("ADDITIONAL INFORMATION");
    for (const [name, value] of extras) {
      const { page, y } = cursor.row(name);
      addTextField(name, value, page, y, fonts.regular);
    }
  }
  return document;

  function addTextField(name: string, value: string, page: PDFPage, y: number, font: PDFFont) {
    const field = form.createTextField(name);
    field.addToPage(page, { x: WIDGET.x, y, width: WIDGET.width, height: WIDGET.height, font });
    field.setFontSize(8);
    field.setText(value);
  }
}

function fieldName(definition: TestFieldDefinition, mode: "standard" | "alias"): string {
  if (definition.standard === undefined) {
    return definition.alias;
  }
  return mode === "alias" ? (definition.alias ?? definition.standard) : definition.standard;
}

class Cursor {
  private page: PDFPage | undefined;
  private y = 0;

  private readonly document: PDFDocument;
  private readonly fonts: { regular: PDFFont; bold: PDFFont };

  // Plain fields rather than parameter properties: Node and the e2e project run this file as erasable TypeScript.
  constructor(document: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }) {
    this.document = document;
    this.fonts = fonts;
  }

  section(title: string): void {
    const page = this.advance(ROW_HEIGHT + 4);
    page.drawRectangle({
      x: PAGE.margin,
      y: this.y - 3,
      width: PAGE.width - 2 * PAGE.margin,
      height: 14,
      color: rgb(0.85, 0.85, 0.85),
    });
    page.drawText(title, { x: PAGE.margin + 4, y: this.y, size: 9, font: this.fonts.bold });
  }

  row(label: string): { page: PDFPage; y: number } {
    const page = this.advance(ROW_HEIGHT);
    page.drawText(label.toUpperCase(), { x: PAGE.margin + 4, y: this.y, size: 7, font: this.fonts.regular });
    return { page, y: this.y - 3 };
  }

  private advance(height: number): PDFPage {
    if (this.page === undefined || this.y - height < PAGE.margin) {
      this.page = this.document.addPage([PAGE.width, PAGE.height]);
      this.page.drawText("ACORD 125 COMMERCIAL INSURANCE APPLICATION", {
        x: PAGE.margin,
        y: PAGE.height - 56,
        size: 14,
        font: this.fonts.bold,
      });
      this.page.drawText("ACORD 125 (2016/03)", {
        x: PAGE.margin,
        y: PAGE.height - 70,
        size: 7,
        font: this.fonts.regular,
      });
      this.y = PAGE.height - 80;
    }
    this.y -= height;
    return this.page;
  }
}
