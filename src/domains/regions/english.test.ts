import { describe, expect, it } from 'vitest';
import { englishName } from './english.ts';

describe('region names in English', () => {
  it('names provinces by their usual English names and puts lower suffixes into English', () => {
    expect(englishName('330000', '浙江省', 'zhejiangsheng')).toBe('Zhejiang');
    expect(englishName('540000', '西藏自治区', 'xizangzizhiqu')).toBe('Tibet');
    expect(englishName('330382', '乐清市', 'yueqingshi')).toBe('Yueqing City');
    expect(englishName('330382001', '城东街道', 'chengdongjiedao')).toBe('Chengdong Subdistrict');
    expect(englishName('500109', '北碚区', 'beibeiqu')).toBe('Beibei District');
    expect(englishName('433130', '龙山县', 'longshanxian')).toBe('Longshan County');
    expect(englishName('433100', '湘西土家族苗族自治州', 'xiangxitujiazumiaozuzizhizhou')).toBe('Xiangxitujiazumiaozu Autonomous Prefecture');
    expect(englishName('999999', '某地', null)).toBe('某地');
  });
});
