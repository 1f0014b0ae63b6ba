import { withQuery } from '../../../api/client.ts';

// Plain links: the browser downloads them with the session cookie, streamed by the server.

/** The directory as CSV, limited to a region when one is chosen. */
export const sourcesCsvUrl = (region?: string) => withQuery('/api/v1/sources/export.csv', { region });

/** The directory as XLSX (the server takes no region filter here). */
export const sourcesXlsxUrl = '/api/v1/sources/export.xlsx';

/** register_id,register_file,row_number,source_id for every imported register row. */
export const linksCsvUrl = '/api/v1/directory/links.csv';
