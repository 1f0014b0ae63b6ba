// An example enterprise with its whole industrial submission set: 乐清市 printing and dyeing mill
// with two coal boilers, wastewater to the municipal plant, solid and hazardous waste, and
// monitoring data. Every answer is consistent, so the set evaluates with no blocking issue;
// `scale` multiplies the repeat rows to make larger sets for timing.
import { creditCodeCheck } from '../../../core/identifiers/credit-code.ts';
import { orgCodeCheck } from '../../../core/identifiers/org-code.ts';
import type { SubmissionSet } from '../engine/engine.ts';

const ORG8 = 'MA2AT5K1';
export const EXAMPLE_ORG_CODE = `${ORG8}${orgCodeCheck(ORG8)}`;
const first17 = `91330382${EXAMPLE_ORG_CODE}`;
export const EXAMPLE_CREDIT_CODE = `${first17}${creditCodeCheck(first17)}`;

const unit = { creditCode: EXAMPLE_CREDIT_CODE, unitName: '乐清市瓯江印染有限公司' };
const foot = { headName: '陈建国', filledBy: '林晓燕', phone: '0577-61234567', reportDate: '2018-09-15' };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export function exampleEnterprise(scale = 1): SubmissionSet {
  const products = range(scale).flatMap((i) => [
    { productName: `棉印染布${i || ''}`, unit: '10km', designCapacity: 5000, actualOutput: 4200 },
    { productName: `涤棉染色布${i || ''}`, unit: '10km', designCapacity: 2000, actualOutput: 1500 },
  ]);
  const boilers = range(2 * scale).map((i) => ({
    boilerNo: `MF00${i + 1}`, kind: '1', use: '3', capacity: 10, fuelCode: '01', fuelUnit: 't', fuelUse: 4000, runHours: 6000,
    dsTech: 'S03', dsEfficiency: 85, dnTech: 'N04', dnEfficiency: 30, dustTech: 'D02', dustEfficiency: 99.5,
    stackHeight: 45, outletCode: 'DA001', autoMonitor: true,
  }));
  const coal = 4000 * 2 * scale;
  const dyeing = (p: string, pollutant: string, coefficient: number, eta: number, permit: number) => ({
    outletCode: 'DW001', step: '印染工序', activityKind: 'product', productName: p, process: '前处理-染色-印花-后整理', scale: '所有规模',
    activityUnit: '10km', activity: 4200, pollutant, genCoefficient: coefficient, treatment: 'W05', efficiency: eta,
    opParams: [{ name: '实际运行天数', value: 300, unitText: '天' }, { name: '年耗电量', value: 95, unitText: '万千瓦时' }], kFactor: 0.95, permitReported: permit,
  });
  const boilerRow = (pollutant: string, coefficient: number, parameter: number | undefined, treatment: string, eta: number) => ({
    outletCode: 'DA001', step: '锅炉', activityKind: 'fuel', fuelCode: '01', activityUnit: 't', activity: coal, pollutant,
    genCoefficient: coefficient, ...(parameter === undefined ? {} : { parameter }), treatment, efficiency: eta, kFactor: 0.9,
  });
  return {
    source: { category: 'G', kind: 'enterprise', industryCode: '1713' },
    forms: [
      { form: 'G101-1', version: 1, answers: {
        ...unit, orgCode: EXAMPLE_ORG_CODE, legalRep: '陈建国', regionCode: '330382', address: '浙江省乐清市柳市镇工业区纬十二路 18 号',
        location: { lat: 28.0561, lng: 120.9677 }, industryCode: '1713', registrationType: '173', scale: '3', openedOn: '2006-05-18',
        operatingState: '1', operatingHours: 7200, outputValue: 28650.5, keySource: true, permitNo: '91330382MA2AT5K1XX001P', inPark: true,
        parkName: '乐清经济开发区', contactName: '林晓燕', contactPhone: '13905771234', boilerCount: 2 * scale, kilnCount: 0,
        hasOrganicTanks: false, usesVocMaterials: false, hasMaterialYards: false, hasWasteGas: true, hasOtherWasteGas: false,
        hasWastewater: true, hasSolidWaste: true, hasHazardousWaste: true, hasRiskSubstances: false, hasWaterMonitoring: true,
        hasGasMonitoring: true, radioactiveMinerals: false, sitePhotos: [{ id: 'photo-gate-001', type: 'image/jpeg', name: '厂区大门.jpg' }], ...foot,
      } },
      { form: 'G101-2', version: 1, answers: {
        ...unit, products,
        processes: [{ processName: '前处理-染色-印花-后整理', productName: '棉印染布', equipment: '溢流染色机、定形机', equipmentCount: 24 }],
        ...foot,
      } },
      { form: 'G101-3', version: 1, answers: {
        ...unit,
        materials: [
          { materialName: '坯布', category: '1', unit: '10km', plannedUse: 7500, actualUse: 5900 },
          { materialName: '活性染料', category: '2', unit: 't', actualUse: 120 },
          { materialName: '印染助剂', category: '2', unit: 't', actualUse: 300 },
        ],
        fuels: [
          { fuelCode: '01', unit: 't', consumption: coal, forHeat: 0, ncv: 21.5, sulphur: 0.8, ash: 18, volatiles: 30 },
          { fuelCode: '11', unit: '10km3', consumption: 50, ncv: 35.5 },
        ],
        electricity: 560, tapWater: 1_200_000, selfSupplied: 400_000, recycledWater: 300_000, hasSelfWell: true, ...foot,
      } },
      { form: 'G102', version: 1, answers: {
        ...unit, generated: 1_500_000, discharged: 1_400_000,
        facilities: [{ facilityNo: 'TW001', facilityName: '印染废水处理站', technology: 'W05', designCapacity: 5000, runDays: 300, treated: 1_450_000 }],
        outlets: [{ outletCode: 'DW001', outletName: '废水总排口', location: { lat: 28.0558, lng: 120.9681 }, destination: 'E', receivingUnit: '乐清市柳市污水处理厂', outletDischarged: 1_400_000 }],
        ...foot,
      } },
      { form: 'G103-1', version: 1, answers: { ...unit, boilers, ...foot } },
      { form: 'G104-1', version: 1, answers: {
        ...unit,
        wastes: [
          { kind: 'SW07', generated: 3000, sentForDisposal: 2800, stored: 200, cumulativeStock: 200 },
          { kind: 'SW03', generated: 1500, sentForUse: 1500 },
        ],
        ...foot,
      } },
      { form: 'G104-2', version: 1, answers: {
        ...unit,
        wastes: [
          { category: 'HW12', wasteCode: '900-252-12', name: '废染料、涂料', stockStart: 2, generated: 18.5, sentOut: 19, recipient: '温州市危险废物处置中心', recipientLicence: '浙危废经第3303000012号', stockEnd: 1.5 },
          { category: 'HW49', wasteCode: '900-041-49', name: '沾染染料的废包装物', generated: 6.2, sentOut: 6.2, recipient: '温州市危险废物处置中心', stockEnd: 0 },
          { category: 'HW08', wasteCode: '900-249-08', name: '废矿物油', generated: 0.8, sentOut: 0.6, recipient: '温州市危险废物处置中心', stockEnd: 0.2 },
        ],
        ...foot,
      } },
      { form: 'G106-1', version: 1, answers: {
        ...unit,
        rows: [
          dyeing('棉印染布', 'COD', 300, 90, 180),
          dyeing('棉印染布', 'NH3N', 12, 80, 12),
          boilerRow('SO2', 16, 0.8, 'S03', 85),
          boilerRow('NOX', 2.94, undefined, 'N04', 30),
          boilerRow('PM', 1.25, 18, 'D02', 99.5),
        ],
        ...foot,
      } },
      { form: 'G106-2', version: 1, answers: {
        ...unit,
        outlets: [{ outletCode: 'DW001', monitoringKind: 'manual', annualFlow: 1_400_000, dischargeDays: 300, results: [
          { pollutant: 'COD', concentration: 120, limit: 200, samples: 12 },
          { pollutant: 'NH3N', concentration: 8, limit: 20, samples: 12 },
          { pollutant: 'TN', concentration: 15, limit: 30, samples: 12 },
          { pollutant: 'TP', concentration: 0.8, limit: 1.5, samples: 12 },
        ] }],
        ...foot,
      } },
      { form: 'G106-3', version: 1, answers: {
        ...unit,
        outlets: [{ outletCode: 'DA001', monitoringKind: 'auto', captureRate: 92, flow: 60000, hours: 6000, oxygen: 9, results: [
          { pollutant: 'SO2', concentration: 150, limit: 300, samples: 250 },
          { pollutant: 'NOX', concentration: 180, limit: 300, samples: 250 },
          { pollutant: 'PM', concentration: 20, limit: 50, samples: 250 },
        ] }],
        ...foot,
      } },
    ],
  };
}

/** How many answers a set carries: every non-empty leaf value (a file or a point counts once). */
export function countAnswers(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countAnswers(v), 0);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('lat' in o || ('id' in o && 'type' in o)) return 1;
    return Object.values(o).reduce((n: number, v) => n + countAnswers(v), 0);
  }
  return value === undefined || value === null || value === '' ? 0 : 1;
}
