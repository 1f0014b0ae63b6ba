// Chinese for the login page. en/auth.ts must mirror these keys.

export const login = {
  title: '登录',
  subtitle: '全国污染源普查管理控制台',
  username: '用户名',
  password: '密码',
  submit: '登录',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
};
