// English for the login page. Typed by zh/auth.ts, so the keys must match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/auth.ts';

export const login: Strings<typeof zh.login> = {
  title: 'Log in',
  subtitle: 'Pollution-Source Census Console',
  username: 'Username',
  password: 'Password',
  submit: 'Log in',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  joinLink: 'First time, with an invitation code',
  join: {
    title: 'Self-filling: create your account with an invitation code',
    hint: 'Enter the invitation code the census office gave you and your unit’s unified social credit code, then choose your unit’s login.',
    code: 'Invitation code',
    codeRequired: 'Enter the invitation code',
    creditCode: 'Unified social credit code',
    creditCodeRequired: 'Enter the credit code',
    displayName: 'Your name',
    displayNameRequired: 'Enter your name',
    passwordHint: 'At least 8 characters, with letters and digits',
    passwordConfirm: 'Repeat the password',
    passwordMismatch: 'The passwords differ',
    submit: 'Create the account and start',
    back: 'Have an account? Log in',
  },
};
