// G107 伴生放射性矿产企业含放射性固体物料及废物情况. Fields after the radioactive-ore entity of
// census-facts §3 (raw ore and concentrate output, solid waste generated, use and disposal each
// split internal / sent out / received, cumulative storage); the screening measurements
// (> 1 Bq/g, or γ dose rate > background + 50 nGy/h, census-facts §9) are added per material.
import { code, dec, formRule, group, text } from './build.ts';
import { footer, identity } from './fragments.ts';
import type { FormDefinition } from './types.ts';

const t = (id: string, zh: string, en: string) => dec(id, zh, en, { unit: 't', decimals: 2, max: 1e9 });

export const G107: FormDefinition = {
  code: 'G107',
  version: 1,
  title: { zh: '伴生放射性矿产企业含放射性固体物料及废物情况', en: 'Associated radioactive minerals: solid materials and waste' },
  fields: [
    ...identity(),
    code('mineral', '矿种', 'Mineral', 'radioactive-minerals', { required: true }),
    t('rawOreOutput', '原矿产量', 'Raw ore output'),
    t('concentrateOutput', '精矿产量', 'Concentrate output'),
    dec('backgroundDose', '当地 γ 辐射本底', 'Local γ background', { unit: 'nGy/h', decimals: 1, max: 1000, required: true, warnMin: 20, warnMax: 300 }),
    group('materials', '含放射性固体物料及废物', 'Radioactive solid materials and waste', [
      code('kind', '物料类别', 'Kind', 'radioactive-material-kinds', { required: true }),
      text('name', '名称', 'Name', { maxLength: 100 }),
      dec('activity', '铀（钍）系单个核素最大活度浓度', 'Highest U/Th-series nuclide activity', { unit: 'Bq/g', decimals: 3, required: true, max: 1e5 }),
      dec('doseRate', '表面 1 m 处 γ 辐射剂量率', 'γ dose rate 1 m above', { unit: 'nGy/h', decimals: 1, max: 1e6 }),
      t('generated', '产生量', 'Generated'),
      t('usedInternal', '综合利用量：自用', 'Used: internally'),
      t('usedSentOut', '综合利用量：外送', 'Used: sent out'),
      t('usedReceived', '综合利用量：外来', 'Used: received from others'),
      t('disposedInternal', '处置量：自行处置', 'Disposed: internally'),
      t('disposedSentOut', '处置量：外送', 'Disposed: sent out'),
      t('disposedReceived', '处置量：外来', 'Disposed: received from others'),
      t('cumulativeStock', '累计贮存量', 'Cumulative storage'),
    ], { minRows: 1, maxRows: 100 }),
    ...footer(),
  ],
  rules: [
    formRule('screening', 'warning', 'activity', 'activity > 1 or doseRate > backgroundDose + 50', '活度浓度不超过 1 Bq/g 且剂量率不超过本底 + 50 nGy/h：该物料可能不属伴生放射性物料，请核实或说明', 'Neither over 1 Bq/g nor over background + 50 nGy/h: this may not be a radioactive material; check it or explain', { context: 'materials' }),
    formRule('own-use', 'blocking', 'generated', 'sum(usedInternal, usedSentOut, disposedInternal, disposedSentOut, 0) <= generated * 1.01 + coalesce(cumulativeStock, 0)', '自产物料的利用与处置量超过产生量与累计贮存量之和', 'Own material used and disposed exceeds what was generated plus stored', { context: 'materials' }),
    formRule('has-output', 'warning', 'rawOreOutput', 'present(rawOreOutput) or present(concentrateOutput)', '原矿与精矿产量均未填写，请核实或说明', 'Neither raw ore nor concentrate output is given; check it or explain'),
  ],
};
