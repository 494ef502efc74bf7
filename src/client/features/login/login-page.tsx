import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { applyProfileLanguage } from '../../i18n';
import { syncEngine } from '../../sync/sync-engine';
import { LoginForm } from './login-form';
import { signIn } from './sign-in';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <div className="stack narrow">
      <h1>{t('login.title')}</h1>
      <LoginForm
        signIn={signIn}
        onSignedIn={({ user }) => {
          applyProfileLanguage(user.language);
          syncEngine().sessionChanged();
          const next = params.get('next');
          // Only same-app paths: never bounce a fresh sign-in to another origin.
          navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
        }}
      />
    </div>
  );
}
