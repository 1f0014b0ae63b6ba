// The demo's special surveys. Outfalls: a drone flight over the Ou River (瓯江) reach of 乐清市 —
// two images, six suspects, some checked (one confirmed with an abnormal quick test, one
// verified by the experts, one rejected, one left to the experts), two imported suspects still
// waiting — and a sea reach of Yueqing Bay (乐清湾) by 城东街道 whose two suspects wait for the
// township's census taker. Radioactive mines: four units in 泰顺县 and 永嘉县 flagged in the
// inventory; three are on the initial list and measured (one above the screening level), the
// fourth is missing from the list, as reconciliation shows.
import sharp from 'sharp';
import type { Db } from '../../core/db/index.ts';
import { queueJob, type JobHandler } from '../jobs/index.ts';
import { checkOutfall, createReach, markSuspect, verifyOutfall, withExif } from '../outfalls/index.ts';
import { keepImageBytes } from '../outfalls/images.ts';
import { listEnterprise, recordMeasurement } from '../radioactive/index.ts';
import { actorOf } from './demo-survey.ts';
import { provinceOf } from '../../core/db/distribution.ts';

export const DEMO_OUTFALLS_JOB = 'demo.outfalls';
const REACH = '瓯江乐清段';

async function loaded(db: Db) {
  return !!(await db.selectFrom('outfall_reaches').select('id').where('name', '=', REACH).executeTakeFirst());
}

/** A drone's-eye picture: water, a bank, and a pipe mouth at (x, y) of the frame. */
async function droneImage(seed: number, marks: Array<[number, number]>) {
  const w = 1200;
  const h = 800;
  const pipes = marks.map(([x, y]) => `<circle cx="${x * w}" cy="${y * h}" r="14" fill="#3b3b3b" stroke="#c9c9c9" stroke-width="4"/><path d="M${x * w} ${y * h + 14} q 20 60 70 110" stroke="#8a7b52" stroke-width="16" fill="none" opacity="0.7"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="${w}" height="${h}" fill="#5d7f4a"/>
    <path d="M0 ${430 + seed * 20} C 300 ${380 + seed * 10}, 800 ${500 - seed * 15}, ${w} ${420 + seed * 10} L ${w} ${h} L 0 ${h} Z" fill="#4f7f99"/>
    <path d="M0 ${400 + seed * 20} C 300 ${350 + seed * 10}, 800 ${470 - seed * 15}, ${w} ${390 + seed * 10}" stroke="#b9ad8c" stroke-width="30" fill="none"/>
    <rect x="${120 + seed * 90}" y="120" width="220" height="140" fill="#9aa3a8"/><rect x="${520 - seed * 60}" y="90" width="180" height="190" fill="#a99c91"/>
    ${pipes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

export async function loadDemoOutfalls(db: Db, dataDir: string | undefined) {
  if (await loaded(db)) return { outfalls: 0, enterprises: 0 };
  const office = await actorOf(db, 'yueqing');
  const taker = await actorOf(db, 'yq-agency');
  const expert = await actorOf(db, 'yq-reviewer');
  const ou = await createReach(db, office, {
    regionCode: '330382', name: REACH, waterBody: '瓯江', waterType: 'river', lengthKm: 14.2,
    path: [[120.742, 28.031], [120.781, 28.022], [120.822, 28.006], [120.861, 27.991], [120.895, 27.982]],
  });
  const bay = await createReach(db, office, {
    regionCode: '330382001', name: '乐清湾城东段', waterBody: '乐清湾', waterType: 'sea', lengthKm: 6.5,
    path: [[120.985, 28.142], [120.992, 28.121], [121.001, 28.098]],
  });
  // The flight: two images over the Ou, one over the bay, each with its position and time.
  const flight = [
    { reach: ou, region: '330382115', lat: 28.0235, lng: 120.7792, at: '2019-04-02T01:32:10Z', marks: [[0.31, 0.52], [0.68, 0.47]] as Array<[number, number]> },
    { reach: ou, region: '330382125', lat: 27.9962, lng: 120.8465, at: '2019-04-02T01:41:55Z', marks: [[0.42, 0.55], [0.77, 0.5]] as Array<[number, number]> },
    { reach: bay, region: '330382001', lat: 28.1203, lng: 120.9921, at: '2019-04-02T02:10:03Z', marks: [[0.36, 0.49], [0.62, 0.53]] as Array<[number, number]> },
  ];
  const suspects = [];
  for (const [i, f] of flight.entries()) {
    const bytes = withExif(await droneImage(i, f.marks), { lat: f.lat, lng: f.lng, altitudeM: 120, takenAt: new Date(f.at), make: 'DJI', model: 'M300 RTK' });
    let imageId: number | undefined;
    if (dataDir) imageId = (await keepImageBytes(db, office, bytes, { reachId: String(f.reach.id), regionCode: f.region }, `DJI_0${412 + i}.JPG`, dataDir)).image.id;
    for (const [k, [x, y]] of f.marks.entries()) {
      suspects.push(await markSuspect(db, office, {
        lat: +(f.lat + (0.5 - y) * 0.004).toFixed(6), lng: +(f.lng + (x - 0.5) * 0.006).toFixed(6), regionCode: f.region, reachId: f.reach.id,
        ...(imageId ? { imageId, imageX: x, imageY: y } : {}), note: k === 0 ? '影像可见管口及排水痕迹' : '岸边疑似暗管',
      }));
    }
  }
  for (const [lat, lng, region] of [[28.0151, 120.8012, '330382115'], [27.9874, 120.8761, '330382125']] as const) {
    suspects.push(await markSuspect(db, office, { lat, lng, regionCode: region, reachId: ou.id, note: '卫星影像判读疑似点' }));
  }
  const [a, b, c, d] = suspects;
  await checkOutfall(db, taker, a.id, {
    version: a.version, verdict: 'confirmed', type: 'industrial', waterBody: '瓯江', flowM3d: 350, discharging: 'flowing', responsibleName: '乐清市北白象镇某电镀园区',
    tests: [{ parameter: 'ph', value: 6.4 }, { parameter: 'cod', value: 126 }, { parameter: 'nh3n', value: 3.1 }], note: '有明显异味，快检化学需氧量超标',
  });
  const bChecked = await checkOutfall(db, taker, b.id, {
    version: b.version, verdict: 'confirmed', type: 'wwtp', waterBody: '瓯江', flowM3d: 12000, discharging: 'flowing', responsibleName: '乐清市北白象污水处理厂',
    tests: [{ parameter: 'ph', value: 7.3 }, { parameter: 'cod', value: 28 }, { parameter: 'nh3n', value: 0.8 }, { parameter: 'tp', value: 0.21 }],
  });
  await verifyOutfall(db, expert, b.id, { version: bChecked.version, verdict: 'verified', note: '与排污许可登记一致，核实为污水处理厂排污口' });
  await checkOutfall(db, taker, c.id, { version: c.version, verdict: 'rejected', note: '雨水排口，现场无污水排放' });
  await checkOutfall(db, taker, d.id, { version: d.version, verdict: 'hard', note: '涨潮淹没管口，无法判定是否排污，请专家核查' });

  return { outfalls: suspects.length, enterprises: await loadDemoRadioactive(db) };
}

const MINES = [
  { name: '泰顺县瓯锆新材料有限公司', region: '330329101', industry: '3239', minerals: ['02'], listed: true,
    m: { background: 95, points: [{ label: '锆英砂堆场', kind: 'raw', dose: 420, th: 3.2, u: 2.6 }, { label: '酸浸渣库', kind: 'waste', dose: 310, th: 1.8 }] } },
  { name: '永嘉县岩坦钼矿有限公司', region: '330324110', industry: '0931', minerals: ['12'], listed: true,
    m: { background: 110, points: [{ label: '原矿堆', kind: 'ore', dose: 138, u: 0.21 }, { label: '尾矿库', kind: 'waste', dose: 142, u: 0.18 }] } },
  { name: '泰顺县罗阳磷化工有限公司', region: '330329100', industry: '2622', minerals: ['09'], listed: true,
    m: { background: 88, points: [{ label: '磷矿石仓', kind: 'raw', dose: 121, u: 0.62 }] } },
  { name: '永嘉县桥头稀土抛光粉厂', region: '330324102', industry: '3232', minerals: ['01'], listed: false, m: null },
] as const;

async function loadDemoRadioactive(db: Db) {
  const wenzhou = await actorOf(db, 'wenzhou');
  let listed = 0;
  for (const [i, mine] of MINES.entries()) {
    // The units as the inventory found them: flagged radioactive-mineral, visited and approved.
    const source = await db.insertInto('sources').values({
      region_code: mine.region, province_code: provinceOf(mine.region), name: mine.name, origin: 'supplement', category: 'industrial', industry_code: mine.industry, radioactive: true,
      address: `浙江省温州市${mine.region.startsWith('330329') ? '泰顺县' : '永嘉县'}`, legal_rep: ['林建国', '潘立新', '季宏', '周卫东'][i],
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('inventory_records').values({
      source_id: source.id, region_code: mine.region, province_code: '330000', status: 'approved', state: 'normal',
      data: JSON.stringify({ name: mine.name, radioactive: true, minerals: [...mine.minerals] }), confirmation: 'confirmed', submitted_at: new Date('2018-03-12T02:00:00Z'),
    }).execute();
    if (!mine.listed) continue;
    const e = await listEnterprise(db, wenzhou, { sourceId: source.id, minerals: [...mine.minerals] });
    listed++;
    if (!mine.m) continue;
    await recordMeasurement(db, wenzhou, e.id, {
      body: '浙江省辐射环境监测站', measuredOn: `2018-03-${String(14 + i * 3).padStart(2, '0')}`, backgroundNGyH: mine.m.background,
      points: mine.m.points.map((p, k) => ({
        label: p.label, kind: p.kind, lat: 27.56 + i * 0.31 + k * 0.002, lng: 119.72 + i * 0.35 + k * 0.002, doseRateNGyH: p.dose,
        nuclides: { ...('u' in p ? { 'U-238': p.u } : {}), ...('th' in p ? { 'Th-232': p.th } : {}) },
      })),
    });
  }
  return listed;
}

export async function queueDemoOutfalls(db: Db) {
  if (await loaded(db)) return null;
  return queueJob(db, { kind: DEMO_OUTFALLS_JOB, regionCode: '330382', createdBy: null, params: {} });
}

export const demoOutfallsJob: JobHandler = { kind: DEMO_OUTFALLS_JOB, run: (ctx) => loadDemoOutfalls(ctx.db, ctx.dataDir) };
