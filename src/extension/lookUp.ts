/** `CPT Lens: Look Up Code…`: a quick pick over codes, descriptors and plain-language text. */
import * as vscode from 'vscode';
import type { Engine } from '../core/engine';
import { inpatientStatus } from '../core/catalog/inpatient';

export interface LookUpItem extends vscode.QuickPickItem {
  code: string;
}

const INSERT: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert the code at the cursor' };

/** The items for a query: what the quick pick shows and what tests read. */
export function lookUpItems(engine: Engine, query: string, limit = 50): LookUpItem[] {
  return engine.search.find(query, limit).map(({ code }) => {
    const record = engine.record(code)!;
    const ipo = inpatientStatus(record, engine.today(), engine.catalog.quarters())?.inpatientOnly;
    return {
      code,
      label: code,
      description: `${ipo ? '$(warning) inpatient only · ' : ''}${record.shortDescriptor ?? record.longDescriptor ?? ''}`,
      detail: record.plainLanguage ?? (record.longDescriptor !== record.shortDescriptor ? record.longDescriptor : undefined),
      alwaysShow: true,
      buttons: [INSERT],
    };
  });
}

/** Shows the quick pick; resolves with the chosen code and what to do with it. */
export function showLookUp(engine: Engine): Promise<{ code: string; action: 'details' | 'insert' } | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<LookUpItem>();
    pick.placeholder = 'Code, prefix or words (e.g. 6486, J11, facial accessory anastomosis)';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    let done = false;
    const finish = (value: { code: string; action: 'details' | 'insert' } | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => (pick.items = value.trim() ? lookUpItems(engine, value) : []));
    pick.onDidAccept(() => finish(pick.selectedItems[0] && { code: pick.selectedItems[0].code, action: 'details' }));
    pick.onDidTriggerItemButton((e) => finish({ code: e.item.code, action: 'insert' }));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
