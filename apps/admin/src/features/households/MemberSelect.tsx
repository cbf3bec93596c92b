import { membersApi } from '../../api/members.ts';
import { RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import i18n from '../../i18n/index.ts';

const searchMembers = (compoundId: string | undefined) => async (q: string) =>
  (await membersApi.search({ q: q || undefined, compoundId, limit: 20 })).items.map((m) => {
    const place = m.compoundName ?? m.branchName;
    return { value: m.id, label: place ? i18n.t('common.fmt.withNote', { text: m.name, note: place }) : m.name };
  });

type Props = RemoteSelectProps & {
  /** Only members living in this compound. */
  compoundId?: string | undefined;
};

/** Picks a Party member in the caller's scope, searching by name, pinyin or initials (`POST /members/search`). */
export const MemberSelect = ({ compoundId, ...props }: Props) => (
  <RemoteSelect {...props} queryKey={`members:${compoundId ?? ''}`} search={searchMembers(compoundId)} />
);
