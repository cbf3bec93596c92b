import type { CompoundParty, CompoundPartyKind } from '@linli/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** One of the four parties: its name and people, with 交叉任职 shown as “兼 …”. */
export function PartyCard({ kind, party }: { kind: CompoundPartyKind; party: CompoundParty | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="card party" data-testid={`h5-party-${kind}`}>
      <header className="party-header">
        <span className={`party-kind party-${kind}`}>{t(`partyKind.${kind}`)}</span>
        {party ? <h3 className="party-name">{party.name}</h3> : null}
      </header>
      {!party ? (
        <p className="muted">{t('compound.partyMissing')}</p>
      ) : party.people.length === 0 ? (
        <p className="muted">{t('compound.noPeople')}</p>
      ) : (
        <ul className="people">
          {party.people.map((person) => (
            <li key={person.id} className="person">
              <div className="person-main">
                <span className="person-name">{person.name}</span>
                <span className="person-position">{person.position}</span>
              </div>
              <div className="person-extra">
                {person.phoneMasked ? <span className="person-phone">{person.phoneMasked}</span> : null}
                {person.alsoIn.length > 0 ? (
                  <Tag color="default" fill="outline" className="also-tag">
                    {t('compound.alsoIn', {
                      parties: person.alsoIn.map((other) => t(`partyShort.${other}`)).join('、'),
                    })}
                  </Tag>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
