/** The errors of a register as a workbook; a plain link, so the browser downloads it with the session cookie. */
export const registerErrorsUrl = (id: number) => `/api/v1/registers/${id}/errors.xlsx`;
