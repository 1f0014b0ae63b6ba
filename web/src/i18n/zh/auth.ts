// Chinese for the login page. en/auth.ts must mirror these keys.

export const login = {
  title: '登录',
  subtitle: '全国污染源普查管理控制台',
  username: '用户名',
  password: '密码',
  submit: '登录',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  joinLink: '持邀请码首次登录',
  join: {
    title: '企业自填：用邀请码创建账号',
    hint: '请输入普查机构提供的邀请码和本单位的统一社会信用代码，并设置本单位的登录账号。',
    code: '邀请码',
    codeRequired: '请输入邀请码',
    creditCode: '统一社会信用代码',
    creditCodeRequired: '请输入统一社会信用代码',
    displayName: '填报人姓名',
    displayNameRequired: '请输入填报人姓名',
    passwordHint: '至少 8 位，须包含字母和数字',
    passwordConfirm: '确认密码',
    passwordMismatch: '两次输入的密码不一致',
    submit: '创建账号并开始填报',
    back: '已有账号？去登录',
  },
};
