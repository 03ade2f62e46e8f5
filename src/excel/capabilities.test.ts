import { createExcelDouble } from './double';
import { hostInfo, missingApi, officeRequirements } from './capabilities';

test('outside Office nothing beyond the manifest is assumed; the double’s office answers per profile', () => {
  expect(officeRequirements(undefined).isSetSupported('ExcelApi', '1.1')).toBe(false);
  expect(hostInfo(undefined)).toEqual({ host: '', platform: '', version: '' });
  const mac = createExcelDouble({ profile: 'mac' });
  expect(officeRequirements(mac.office).isSetSupported('ExcelApi', '1.9')).toBe(true);
  expect(officeRequirements(mac.office).isSetSupported('ExcelApiOnline', '1.1')).toBe(false);
  expect(hostInfo(mac.office)).toEqual({ host: 'Excel', platform: 'Mac', version: mac.office.context.diagnostics.version });
  const throwing = {
    context: {
      requirements: {
        isSetSupported: () => {
          throw new Error('no');
        },
      },
    },
  };
  expect(officeRequirements(throwing).isSetSupported('ExcelApi', '1.9')).toBe(false);
});

test('missingApi reads office.js’s ApiNotFound message; other errors are not its business', () => {
  expect(
    missingApi({
      code: 'ApiNotFound',
      message: 'The method or property Worksheet.pageLayout is part of the ExcelApi 1.9 requirement set, which is not available in your version of Excel.',
    }),
  ).toBe('Worksheet.pageLayout，属于 ExcelApi 1.9 要求集');
  expect(missingApi({ code: 'ApiNotFound', message: '' })).toBe('ApiNotFound');
  expect(missingApi({ code: 'AccessDenied', message: 'x' })).toBeNull();
  expect(missingApi(undefined)).toBeNull();
});
