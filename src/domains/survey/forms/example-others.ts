// Example sets for the non-industrial defined forms (a livestock farm, a hospital's boilers, an
// outfall, a wastewater plant, a filling station): each evaluates with no blocking issue, so
// tests and the browser comparison can start from a valid set and break one thing at a time.
import type { SubmissionSet } from '../engine/engine.ts';
import { EXAMPLE_CREDIT_CODE } from './example-set.ts';

const foot = { headName: '王海涛', filledBy: '周敏', phone: '13857701234', reportDate: '2018-10-08' };
const unit = { creditCode: EXAMPLE_CREDIT_CODE, unitName: '乐清市柳市污水处理有限公司' };

export function exampleFarm(): SubmissionSet {
  return {
    source: { category: 'N', kind: 'livestock-farm' },
    forms: [
      { form: 'N101-1', version: 1, answers: {
        farmName: '乐清市大荆生猪养殖场', operator: '郑国强', regionCode: '330382', address: '浙江省乐清市大荆镇下山村',
        location: { lat: 28.4072, lng: 121.1113 }, mainSpecies: 'pig', startedOn: '2012-03-01', houseArea: 6800, ...foot,
      } },
      { form: 'N101-2', version: 1, answers: {
        farmName: '乐清市大荆生猪养殖场',
        herds: [{ species: 'pig', stock: 2600, sold: 5200, cleaning: '1' }],
        manureRoutes: ['1', '2'], storageVolume: 1200, digesterVolume: 800, useRate: 92, ...foot,
      } },
    ],
  };
}

export function exampleBoilerUnit(): SubmissionSet {
  return {
    source: { category: 'S', kind: 'non-industrial-boiler' },
    forms: [{ form: 'S103', version: 1, answers: {
      unitName: '乐清市人民医院', ownerKind: '3', regionCode: '330382', address: '浙江省乐清市城南街道清远路 338 号',
      location: { lat: 28.1129, lng: 120.9617 },
      boilers: [{ boilerNo: 'GL01', kind: '4', use: '3', capacity: 4, fuelCode: '11', fuelUnit: '10km3', fuelUse: 85, runHours: 5000, dnTech: 'N04', dnEfficiency: 30, stackHeight: 15 }],
      ...foot,
    } }],
  };
}

export function exampleOutfall(): SubmissionSet {
  return {
    source: { category: 'S', kind: 'outfall' },
    forms: [
      { form: 'S104', version: 1, answers: {
        outfallCode: '330382-RH-0012', outfallName: '柳市镇长虹河东排口', regionCode: '330382', location: { lat: 28.0412, lng: 120.9503 },
        kind: '4', setup: '2', dischargeMode: '1', receivingWater: '1', receivingName: '长虹河', estimatedFlow: 350, foundBy: '2', foundOn: '2018-06-12',
        photos: [{ id: 'outfall-0012-a', type: 'image/jpeg' }], monitored: true, ...foot,
      } },
      { form: 'S105', version: 1, answers: {
        outfallCode: '330382-RH-0012', sampledOn: '2018-06-12', flow: 340,
        results: [{ pollutant: 'COD', concentration: 46, limit: 50 }, { pollutant: 'NH3N', concentration: 4.2, limit: 5 }], ...foot,
      } },
    ],
  };
}

export function examplePlant(): SubmissionSet {
  return {
    source: { category: 'J', kind: 'wastewater-plant' },
    forms: [
      { form: 'J101-1', version: 1, answers: {
        ...unit, plantKind: '1', regionCode: '330382', address: '浙江省乐清市柳市镇七里港', location: { lat: 28.0217, lng: 120.9358 },
        startedOn: '2008-12-01', designCapacity: 80000, process: 'W06', effluentStandard: 'GB 18918-2002 一级 A', receivingWater: '4',
        receivingName: '乐清湾', servedPopulation: 420000, servedArea: 92.5, monitored: true, ...foot,
      } },
      { form: 'J101-2', version: 1, answers: {
        ...unit, runDays: 365, treated: 2650, reclaimed: 120, electricity: 820, sludge: 3900,
        sludgeRoutes: [{ route: '4', amount: 3900 }],
        quality: [
          { pollutant: 'COD', influent: 260, effluent: 32 }, { pollutant: 'NH3N', influent: 28, effluent: 2.1 },
          { pollutant: 'TN', influent: 38, effluent: 11.5 }, { pollutant: 'TP', influent: 4.1, effluent: 0.35 },
        ],
        ...foot,
      } },
      { form: 'J101-3', version: 1, answers: {
        ...unit,
        outlets: [{ outletCode: 'DW001', monitoringKind: 'auto', captureRate: 96, annualFlow: 26_500_000, results: [
          { pollutant: 'COD', concentration: 32, limit: 50, samples: 350 }, { pollutant: 'NH3N', concentration: 2.1, limit: 5, samples: 350 },
        ] }],
        ...foot,
      } },
    ],
  };
}

export function exampleStation(): SubmissionSet {
  return {
    source: { category: 'Y', kind: 'gas-station' },
    forms: [{ form: 'Y102', version: 1, answers: {
      creditCode: EXAMPLE_CREDIT_CODE, unitName: '中国石化销售股份有限公司浙江温州乐清柳市加油站', owner: '1', regionCode: '330382',
      address: '浙江省乐清市柳市镇 104 国道旁', location: { lat: 28.0395, lng: 120.9421 }, openedOn: '2003-07-01',
      tanks: [
        { tankNo: 'T1', kind: '1', product: 'gasoline', volume: 30 }, { tankNo: 'T2', kind: '1', product: 'gasoline', volume: 30 },
        { tankNo: 'T3', kind: '1', product: 'diesel', volume: 30 },
      ],
      nozzles: 12, sales: [{ product: 'gasoline', amount: 5200 }, { product: 'diesel', amount: 3100 }],
      recovery: ['1', '2', '4'], recoveryTested: true, ...foot,
    } }],
  };
}

export const OTHER_EXAMPLES = { farm: exampleFarm, boilerUnit: exampleBoilerUnit, outfall: exampleOutfall, plant: examplePlant, station: exampleStation };
