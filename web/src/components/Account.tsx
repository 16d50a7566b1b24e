import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type T, useT } from '../i18n/useT';
import type { Caller } from '../queries/access';
import { checkKeptToken, closeSignIn, openSignIn, signIn, signOut, useSession } from '../state/session';

/** "张三 · 分析员": who is signed in, and as what. */
export function useWho() {
  const { t } = useT();
  return (me: Caller) => t('auth.who', { name: me.name, role: t(`access.role.${me.role}`) });
}

/**
 * The header's sign-in control: 登录 (opens the form) for the anonymous caller; the name and role
 * and 退出登录 once signed in.
 */
export function Account() {
  const { t } = useT();
  const who = useWho();
  const session = useSession();
  useEffect(checkKeptToken, []);
  if (session.status === 'checking')
    return (
      <div className="account" data-testid="account">
        <span className="account-who" role="status">
          {t('auth.checking')}
        </span>
      </div>
    );
  if (session.status === 'signedIn') {
    const { me } = session;
    return (
      <div className="account" data-testid="account">
        <span
          className="account-who"
          data-testid="account-who"
          title={me ? t('auth.who.label', { name: me.name, role: t(`access.role.${me.role}`) }) : undefined}
        >
          {me ? who(me) : t('auth.unconfirmed')}
        </span>
        <button
          type="button"
          className="account-button"
          data-testid="sign-out"
          title={t('auth.signOut.title')}
          onClick={signOut}
        >
          {t('auth.signOut')}
        </button>
      </div>
    );
  }
  return (
    <div className="account" data-testid="account">
      {session.dropped === 'expired' && (
        <span className="account-who warning" role="status" data-testid="sign-in-expired">
          {t('auth.expired')}
        </span>
      )}
      <button
        type="button"
        className="account-button"
        data-testid="sign-in"
        title={t('auth.signIn.title')}
        aria-haspopup="dialog"
        onClick={openSignIn}
      >
        {t('auth.signIn')}
      </button>
    </div>
  );
}

type FormState = { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed'; message: string };

/**
 * The sign-in form, a modal dialog (Esc or 取消 closes it; focus returns to what opened it): a token
 * pasted in a password field, checked with the server before it is kept. The field has no name, so
 * no form submission could ever carry it into a URL.
 */
export function SignInDialog() {
  const { t } = useT();
  const { formOpen } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<FormState>({ kind: 'idle' });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (formOpen && !d.open) {
      d.showModal();
      input.current?.focus();
    } else if (!formOpen) {
      if (d.open) d.close();
      // nothing of a token stays in the page once the form is closed
      setText('');
      setState({ kind: 'idle' });
    }
  }, [formOpen]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.kind === 'checking') return;
    setState({ kind: 'checking' });
    const result = await signIn(text);
    if (result.ok) return; // the session closes the form
    setState({
      kind: 'failed',
      message:
        result.why === 'malformed'
          ? t('auth.form.malformed')
          : result.why === 'refused'
            ? t('auth.form.refused')
            : t('auth.form.failed', { message: result.message ?? '' }),
    });
    input.current?.select();
  };

  const failed = state.kind === 'failed';
  return (
    <dialog
      ref={dialog}
      className="sign-in-dialog"
      aria-labelledby="sign-in-title"
      aria-describedby="sign-in-intro"
      data-testid="sign-in-dialog"
      onClose={closeSignIn}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="sign-in-title">{t('auth.form.title')}</h2>
        <p id="sign-in-intro" className="muted">
          {t('auth.form.intro')}
        </p>
        <label className="sign-in-field">
          <span>{t('auth.form.token')}</span>
          <input
            ref={input}
            type="password"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={failed}
            aria-errormessage={failed ? 'sign-in-error' : undefined}
            data-testid="token-input"
          />
        </label>
        {failed && (
          <p id="sign-in-error" className="sign-in-error" role="alert" data-testid="sign-in-error">
            {state.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={closeSignIn}>
            {t('auth.form.cancel')}
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={state.kind === 'checking' || text.trim() === ''}
            data-testid="sign-in-submit"
          >
            {state.kind === 'checking' ? t('auth.form.checking') : t('auth.form.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** "需要分析员权限——请使用分析员的令牌登录。" for the role a FORBIDDEN error says is needed. */
export const neededMessage = (t: T, needed: string) =>
  needed === 'admin' ? t('auth.needs.admin') : needed === 'editor' ? t('auth.needs.editor') : t('auth.needs.analyst');

/**
 * What a view shows where the caller's role is not enough: which role is needed, who is signed in
 * (if anyone), and a button that opens the sign-in form. Once signed in, the view loads by itself.
 */
export function NeedsRole({ needed }: { needed: string }) {
  const { t } = useT();
  const who = useWho();
  const session = useSession();
  const message = neededMessage(t, needed);
  const signedIn = session.status === 'signedIn';
  return (
    <div className="needs-role" data-testid="needs-role" data-needed={needed}>
      <p>{message}</p>
      {signedIn && session.me && <p className="muted">{t('auth.needs.current', { who: who(session.me) })}</p>}
      <button
        type="button"
        className="button primary"
        aria-haspopup="dialog"
        data-testid="needs-role-sign-in"
        onClick={openSignIn}
      >
        {signedIn ? t('auth.needs.switch') : t('auth.needs.signIn')}
      </button>
    </div>
  );
}
