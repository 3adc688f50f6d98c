// The organisation profile (irbook.yaml at the root of the playbook repository): who the company
// is, as the authorities must be told. Every field is optional in the file; what a document needs
// is checked when the document is made (a CAC report without a 统一社会信用代码 is refused).
import { z } from 'zod';
import { text } from '../playbook/schema.js';
import { LANGS } from '../i18n/lang.js';

const person = z.object({
  name: text.optional(),
  title: text.optional().describe('Position, e.g. 情報システム部長 / 信息安全负责人.'),
  phone: z.string().optional(),
  email: z.string().optional(),
}).strict().describe('A person the recipient can reach.');

const partyContacts = z.object({
  reporter: person.optional().describe('Who reports (PPC 報告者; CAC 负责人).'),
  contact: person.optional().describe('Who answers the recipient\'s questions (联系人 / 連絡先).'),
}).strict();

export const profileSchema = z.object({
  names: z.object({ ja: z.string(), zh: z.string(), en: z.string() }).partial().strict().optional()
    .describe('Legal names of the reporting entity, as registered.'),
  credit_code: z.string().optional().describe('统一社会信用代码: 18 characters, check character per GB 32100-2015.'),
  address: text.optional().describe('Registered address.'),
  site: z.string().optional().describe('Site code: lower-case letters and digits, put in incident ids.'),
  timezone: z.string().optional().describe('Default IANA time zone of the sessions, e.g. Asia/Shanghai.'),
  classification: text.optional().describe('Classification label printed on internal reports, e.g. 社外秘.'),
  customer_languages: z.array(z.enum(LANGS)).min(1).optional().describe('Languages the notices to customers are written in.'),
  parties: z.record(z.string(), partyContacts).optional().describe('Reporter and contact per party id (cac, ppc, psb, hq, individuals …).'),
}).strict();

export type Profile = z.infer<typeof profileSchema>;
export type Person = z.infer<typeof person>;

/** Where `$id` points: stable, so editors and other tools can cache the schema. */
export const PROFILE_SCHEMA_ID = 'https://irbook.dev/schema/irbook-profile-1.json';
