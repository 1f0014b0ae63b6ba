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
};
