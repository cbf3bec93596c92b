import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, signInAs } from '../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../test/harness.ts';
import { auditRowsOf, type County, ifMatch, setupOrganisationTest } from './organisation.test-support.ts';
import { normalisePersonName } from './party-people.ts';

describe('editing the people of a compound party', () => {
  let t: TestApp;
  let county: County;
  let editor: Session;

  beforeAll(async () => {
    ({ t, county, jinbiAdmin: editor } = await setupOrganisationTest('jinbiAdmin'));
  });
  afterAll(() => t.close());

  const url = (compoundId: string, kind: string) => `/api/v1/compounds/${compoundId}/parties/${kind}`;

  interface PersonOut {
    id: string;
    name: string;
    phoneMasked: string | null;
    alsoIn: string[];
  }

  /** A fresh compound whose owners' committee has 赵六 and 钱七, both with phones, at version 1. */
  async function ownersWithPhones() {
    const compound = await createCompound(t.platform, county.community);
    const created = await as(t.app, editor).put(
      url(compound.id, 'owners_committee'),
      {
        name: '业主委员会',
        people: [
          { name: '赵六', position: '主任', phone: '13700001111' },
          { name: '钱七', position: '委员', phone: '13800002222' },
        ],
      },
      ifMatch(0),
    );
    expect(created.statusCode).toBe(200);
    const people: PersonOut[] = created.json().people;
    return { compound, partyId: created.json().id as string, people };
  }

  const storedPeople = (partyId: string) =>
    t.platform.db
      .selectFrom('party_person')
      .selectAll()
      .where('party_id', '=', partyId)
      .orderBy('sort_order')
      .execute();

  it('keeps the stored phones of people listed by id without a phone, and re-keys a renamed person', async () => {
    const { compound, partyId, people } = await ownersWithPhones();
    const [zhao, qian] = people;
    const saved = await as(t.app, editor).put(
      url(compound.id, 'owners_committee'),
      {
        name: '业主委员会',
        people: [
          { id: zhao?.id, name: '赵六', position: '主任' },
          { id: qian?.id, name: '钱 七七', position: '副主任' },
        ],
      },
      ifMatch(1),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().people.map((p: PersonOut) => [p.id, p.name, p.phoneMasked])).toEqual([
      [zhao?.id, '赵六', '137****1111'],
      [qian?.id, '钱 七七', '138****2222'],
    ]);
    const rows = await storedPeople(partyId);
    expect(rows.map((r) => t.platform.cipher.decrypt(r.phone_cipher ?? ''))).toEqual(['13700001111', '13800002222']);
    expect(rows[1]).toMatchObject({
      position: '副主任',
      person_key: t.platform.blindIndex(normalisePersonName('钱七七')),
    });

    const audit = await auditRowsOf(t.platform, 'compound.party.replace', partyId);
    expect(audit).toHaveLength(2);
    expect(audit[1]?.details).toMatchObject({ people: 2, kept: 2, added: 0, removed: 0 });
    expect(JSON.stringify(audit[1]?.details)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('clears a phone given as null, replaces one given as a number, adds new people and drops the unlisted', async () => {
    const { compound, partyId, people } = await ownersWithPhones();
    const [zhao, qian] = people;
    const saved = await as(t.app, editor).put(
      url(compound.id, 'owners_committee'),
      {
        name: '业主委员会',
        people: [
          { id: zhao?.id, name: '赵六', position: '主任', phone: null },
          { name: '孙八', position: '委员', phone: '13900003333' },
        ],
      },
      ifMatch(1),
    );
    expect(saved.statusCode).toBe(200);
    const rows = await storedPeople(partyId);
    expect(rows.map((r) => [r.name, r.phone_cipher])).toEqual([
      ['赵六', null],
      ['孙八', expect.any(String)],
    ]);
    expect(rows[0]?.id).toBe(zhao?.id);
    expect(rows.some((r) => r.id === qian?.id)).toBe(false);
    expect(t.platform.cipher.decrypt(rows[1]?.phone_cipher ?? '')).toBe('13900003333');
    const audit = await auditRowsOf(t.platform, 'compound.party.replace', partyId);
    expect(audit[1]?.details).toMatchObject({ kept: 1, added: 1, removed: 1 });

    const replaced = await as(t.app, editor).put(
      url(compound.id, 'owners_committee'),
      { name: '业主委员会', people: [{ id: zhao?.id, name: '赵六', position: '主任', phone: '13711112222' }] },
      ifMatch(2),
    );
    expect(replaced.json().people[0].phoneMasked).toBe('137****2222');
    const [only] = await storedPeople(partyId);
    expect(t.platform.cipher.decrypt(only?.phone_cipher ?? '')).toBe('13711112222');
  });

  it('answers 400 for an id of another party or listed twice, leaving the party as it was', async () => {
    const { compound, partyId, people } = await ownersWithPhones();
    const branch = await as(t.app, editor).put(
      url(compound.id, 'branch'),
      { name: '小区党支部', people: [{ name: '周九', position: '书记' }] },
      ifMatch(0),
    );
    const foreignId: string = branch.json().people[0].id;
    const put = (people: unknown[]) =>
      as(t.app, editor).put(url(compound.id, 'owners_committee'), { name: '改名', people }, ifMatch(1));

    const foreign = await put([{ id: foreignId, name: '周九', position: '委员' }]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.issues[0]).toEqual({
      path: 'body.people.0.id',
      message: 'notAPersonOfThisParty',
    });
    const twice = await put([
      { id: people[0]?.id, name: '赵六', position: '主任' },
      { id: people[0]?.id, name: '赵六', position: '委员' },
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.issues[0].path).toBe('body.people.1.id');
    expect((await put([{ id: 'not-an-id', name: '赵六', position: '主任' }])).statusCode).toBe(400);

    const party = await t.platform.db
      .selectFrom('compound_party')
      .selectAll()
      .where('id', '=', partyId)
      .executeTakeFirstOrThrow();
    expect(party).toMatchObject({ name: '业主委员会', version: 1 });
    expect((await storedPeople(partyId)).map((r) => r.name)).toEqual(['赵六', '钱七']);
    expect(await auditRowsOf(t.platform, 'compound.party.replace', partyId)).toHaveLength(1);
  });

  it('answers 401 without a session and 403 to a committee admin of 龙泉镇, the phones untouched', async () => {
    const { compound, partyId, people } = await ownersWithPhones();
    const body = { name: '业主委员会', people: [{ id: people[0]?.id, name: '赵六', position: '主任', phone: null }] };
    expect((await as(t.app, null).put(url(compound.id, 'owners_committee'), body, ifMatch(1))).statusCode).toBe(401);
    const longquanAdmin = await signInAs(t.platform, 'committee_admin', county.otherCommittee);
    const refused = await as(t.app, longquanAdmin).put(url(compound.id, 'owners_committee'), body, ifMatch(1));
    expect(refused.statusCode).toBe(403);
    expect((await storedPeople(partyId)).every((r) => r.phone_cipher !== null)).toBe(true);
  });

  it('answers 400 for a person id when creating a compound, since its parties have nobody yet', async () => {
    const { people } = await ownersWithPhones();
    const countyAdmin = await signInAs(t.platform, 'county_admin', county.county);
    const again = await as(t.app, countyAdmin).post('/api/v1/compounds', {
      name: '带编号的小区',
      orgId: county.community.id,
      address: '金碧路9号',
      householdCount: 10,
      buildingCount: 1,
      rolloutStage: 'pilot',
      parties: [
        { kind: 'owners_committee', name: '业委会', people: [{ id: people[0]?.id, name: '赵六', position: '主任' }] },
      ],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.issues[0]).toEqual({
      path: 'body.parties.0.people.0.id',
      message: 'notAPersonOfThisParty',
    });
    const compounds = await t.platform.db
      .selectFrom('compound')
      .select('id')
      .where('name', '=', '带编号的小区')
      .execute();
    expect(compounds).toEqual([]);
  });
});
