/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { ui } from '../../i18n';
import { EvidenceText, evidenceParts } from './EvidenceText';

describe('evidenceParts: 佐证材料 as text and http(s) links', () => {
  test.each([
    ['one link', 'https://pan.example.com/s/13710', [{ kind: 'link', href: 'https://pan.example.com/s/13710' }]],
    ['http too', 'http://oa.example.com/doc?id=7&v=2', [{ kind: 'link', href: 'http://oa.example.com/doc?id=7&v=2' }]],
    ['file names', '验收单.pdf、整改前后照片.zip', [{ kind: 'text', text: '验收单.pdf、整改前后照片.zip' }]],
    [
      'a mix, separated by 、',
      '验收单.pdf、https://pan.example.com/s/a、https://pan.example.com/s/b。',
      [
        { kind: 'text', text: '验收单.pdf、' },
        { kind: 'link', href: 'https://pan.example.com/s/a' },
        { kind: 'text', text: '、' },
        { kind: 'link', href: 'https://pan.example.com/s/b' },
        { kind: 'text', text: '。' },
      ],
    ],
    ['another scheme stays text', 'javascript:alert(1)', [{ kind: 'text', text: 'javascript:alert(1)' }]],
    ['a file: address stays text', 'file:///C:/验收单.pdf', [{ kind: 'text', text: 'file:///C:/验收单.pdf' }]],
    ['a bare domain stays text', 'pan.example.com/s/1', [{ kind: 'text', text: 'pan.example.com/s/1' }]],
  ])('%s', (_name, text, parts) => {
    expect(evidenceParts(text)).toEqual(parts);
  });
});

function show(text: string): HTMLElement {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <EvidenceText text={text} />
    </FluentProvider>,
  );
  return container;
}

describe('EvidenceText', () => {
  test('a link opens in a new tab without an opener', () => {
    const el = show('https://pan.example.com/s/13710');
    const a = el.querySelector('a')!;
    expect(a).toHaveAttribute('href', 'https://pan.example.com/s/13710');
    expect(a).toHaveAttribute('target', '_blank');
    expect(a.getAttribute('rel')).toContain('noopener');
    expect(a).toHaveTextContent('https://pan.example.com/s/13710');
  });

  test('file names are plain text; markup in them is shown, not run', () => {
    const el = show('<img src=x onerror=alert(1)>验收单.pdf');
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
    expect(el).toHaveTextContent('<img src=x onerror=alert(1)>验收单.pdf');
  });

  test('a javascript: address is never a link', () => {
    const el = show('javascript:alert(1)');
    expect(el.querySelector('a')).toBeNull();
  });

  test.each(['', '  '])('nothing given (%j): 未提供佐证材料', (text) => {
    const el = show(text);
    expect(el.querySelector('[data-evidence="missing"]')).toHaveTextContent(ui.item.noEvidence);
  });
});
