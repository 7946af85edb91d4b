import { useParams } from 'react-router';
import { CopyableAddress } from '../../components/copyable-address';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { GroupMappingForm } from './group-mapping-form';
import { useScimSettings } from './provisioning-api';
import { ScimTokens } from './scim-tokens';

/** Organisation → Provisioning (SCIM): joiners and leavers from the organisation's directory (owners). */
export function ProvisioningPage() {
  const { orgId = '' } = useParams();
  useTitle('Provisioning (SCIM)');
  const settings = useScimSettings(orgId);
  return (
    <section>
      <h1>Provisioning (SCIM)</h1>
      <p className="lead">
        Let the organisation’s directory (Entra ID, Okta) add people, keep their details and groups up to date, suspend
        them when they are deactivated there and remove them when they leave. A suspended person keeps their own plans
        and can download them; every step is in the audit trail.
      </p>
      <FormError error={settings.error} />
      {settings.data && (
        <>
          <CopyableAddress
            label="Tenant URL (SCIM base URL)"
            hint="Paste it into the directory’s provisioning settings, with a token from below as the secret token."
            url={settings.data.baseUrl}
            copy={{ text: 'Copy', name: 'Copy the tenant URL' }}
          />
          <ScimTokens orgId={orgId} tokens={settings.data.tokens} />
          <GroupMappingForm orgId={orgId} settings={settings.data} />
        </>
      )}
    </section>
  );
}
