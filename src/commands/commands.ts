/**
 * Ribbon function commands (manifest.xml, <FunctionFile resid="Url.Commands"/>). Each
 * <FunctionName> in the manifest must be associated here with a literal
 * `Office.actions.associate('name', …)` call; test/manifest.test.ts checks it.
 * The five page buttons use ShowTaskpane and need no code.
 */

/* global Office */

/**
 * 关于: the button's supertip carries the 13710 summary; the command itself only has to tell
 * Office it finished (a later version may open a help dialog here).
 */
export function showHelp(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('showHelp', showHelp);
});
