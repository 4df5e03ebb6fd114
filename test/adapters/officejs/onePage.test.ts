/** SheetSpec's print.onePage (issue 12: the scenario sheet on one A4 page) through the office.js adapter, on the fake. */
import { adapter, inputWorkbook, outputSpecs } from './fixtures';

test('onePage fits the sheet one page wide and one page tall; fitToWidth alone leaves the height free', async () => {
  const book = inputWorkbook(3);
  const specs = outputSpecs(3);
  const tulokset = specs.find((s) => s.name === 'Tulokset')!;
  tulokset.print = { title: 'Skenaariot', landscape: true, fitToWidth: true, onePage: true };
  const other = specs.find((s) => s.print === undefined)!;
  other.print = { title: 'Rivit', landscape: true, fitToWidth: true };
  await adapter(book).replaceOutputs(specs);
  expect(book.sheet('Tulokset')!.layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  expect(book.sheet(other.name)!.layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
});
