// HTTP edge of registers: upload (preview, import, reimport), lists, rows,
// errors (JSON and XLSX), saved mappings, delete.
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../../server/auth.ts';
import { IdParams, PageQuery } from '../../../server/schemas.ts';
import { errorsWorkbook } from './errors-xlsx.ts';
import { previewRegister, reimportRegister, startRegisterImport } from './register-import.ts';
import { receiveUpload, uploadsDir } from './register-upload.ts';
import * as registers from './registers.ts';
import * as s from './schemas.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idOf = (req: { params: unknown }) => (req.params as { id: number }).id;

export async function registerRoutes(app: FastifyInstance) {
  const { db, jobs, config } = app.ctx;
  const tags = ['registers'];
  const uploads = () => uploadsDir(config.dataDir);

  app.get('/api/v1/registers', {
    config: { action: 'registers.read' },
    schema: { tags, summary: 'Registers in scope, newest first', querystring: s.RegisterListQuery, response: { 200: s.RegisterPage } },
  }, async (req) => registers.listRegisters(db, actorOf(req), req.query as registers.RegisterListQuery));

  app.get('/api/v1/registers/mappings', {
    config: { action: 'registers.read' },
    schema: { tags, summary: 'Column mappings saved per department ("last" is the one used last)', querystring: s.MappingsQuery, response: { 200: s.SavedMappings } },
  }, async (req) => registers.listMappings(db, actorOf(req), (req.query as { department?: string }).department));

  app.post('/api/v1/registers/preview', {
    config: { action: 'registers.write' },
    schema: {
      tags,
      summary: 'Read the head of a register file: encoding, headers, first rows, guessed and saved mappings',
      description: `${s.UPLOAD_FIELDS}. Only file (and department, for the saved mappings) are read.`,
      consumes: ['multipart/form-data'],
      response: { 200: s.Preview },
    },
  }, async (req) => previewRegister(db, actorOf(req), await receiveUpload(req, uploads(), { maxBytes: config.registerUploadLimit, keep: false })));

  app.post('/api/v1/registers', {
    config: { action: 'registers.write' },
    schema: {
      tags,
      summary: 'Upload a register; its head is checked at once, then a job imports every row',
      description: s.UPLOAD_FIELDS,
      consumes: ['multipart/form-data'],
      response: { 202: s.ImportStarted },
    },
  }, async (req, reply) => {
    const upload = await receiveUpload(req, uploads(), { maxBytes: config.registerUploadLimit, keep: true });
    return reply.status(202).send(await startRegisterImport(db, jobs, actorOf(req), upload));
  });

  app.get('/api/v1/registers/:id', {
    config: { action: 'registers.read', resource: 'register' },
    schema: { tags, summary: 'One register', params: IdParams, response: { 200: s.Register } },
  }, async (req) => registers.getRegister(db, actorOf(req), idOf(req)));

  app.get('/api/v1/registers/:id/rows', {
    config: { action: 'registers.read', resource: 'register' },
    schema: { tags, summary: 'Rows of an imported register, in file order; valid=false gives the rows kept aside', params: IdParams, querystring: s.RowsQuery, response: { 200: s.RegisterRowPage } },
  }, async (req) => registers.listRows(db, actorOf(req), idOf(req), req.query as { cursor?: string; limit?: number; valid?: boolean }));

  app.get('/api/v1/registers/:id/errors', {
    config: { action: 'registers.read', resource: 'register' },
    schema: { tags, summary: 'Errors of the rows kept aside, in file order', params: IdParams, querystring: PageQuery, response: { 200: s.RegisterErrorPage } },
  }, async (req) => registers.listErrors(db, actorOf(req), idOf(req), req.query as { cursor?: string; limit?: number }));

  app.get('/api/v1/registers/:id/errors.xlsx', {
    config: { action: 'registers.read', resource: 'register' },
    schema: { tags, summary: 'The errors as an XLSX file (streamed)', params: IdParams },
  }, async (req, reply) => {
    const reg = await registers.getRegister(db, actorOf(req), idOf(req));
    const name = `${reg.fileName.replace(/\.[^.]+$/, '')}-errors.xlsx`;
    const body = errorsWorkbook(registers.allErrors(db, actorOf(req), reg.id), (e) => req.log.error({ err: e }, 'errors.xlsx failed'));
    return reply
      .type(XLSX_TYPE)
      .header('Content-Disposition', `attachment; filename="register-${reg.id}-errors.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(body);
  });

  app.post('/api/v1/registers/:id/reimport', {
    config: { action: 'registers.write', resource: 'register' },
    schema: { tags, summary: 'Import a failed or cancelled register again from its stored file', params: IdParams, response: { 202: s.ImportStarted } },
  }, async (req, reply) => reply.status(202).send(await reimportRegister(db, jobs, actorOf(req), idOf(req), uploads())));

  app.delete('/api/v1/registers/:id', {
    config: { action: 'registers.write', resource: 'register' },
    schema: { tags, summary: 'Delete a register with its rows and errors (not while it imports)', params: IdParams },
  }, async (req, reply) => {
    await registers.deleteRegister(db, actorOf(req), idOf(req), uploads());
    return reply.status(204).send();
  });
}
