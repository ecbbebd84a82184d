#!/usr/bin/env python3
"""
Reads an .xlsx the way a program that is not exceljs does: the zip and the XML of its parts, with Python's
standard library only (no recalculation). Prints JSON: for every sheet its cells (value as stored, the cached
result of a formula, the formula, the number format, the font and boldness), merged ranges, frozen pane, page
setup and print titles.

Usage: read_xlsx.py FILE          the workbook as JSON
       read_xlsx.py --parts FILE  the SHA-256 of the content of every part of the zip, by part name
"""
import hashlib
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    'm': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'rel': 'http://schemas.openxmlformats.org/package/2006/relationships',
}
BUILTIN_FORMATS = {0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 49: '@'}


def text_of(element):
    """The text of a shared or inline string: its t elements, runs included, phonetic runs left out."""
    if element is None:
        return ''
    parts = []
    for child in element:
        tag = child.tag.split('}')[-1]
        if tag == 't':
            parts.append(child.text or '')
        elif tag == 'r':
            for t in child.findall('m:t', NS):
                parts.append(t.text or '')
    return ''.join(parts)


def main(path):
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    shared = []
    if 'xl/sharedStrings.xml' in names:
        root = ET.fromstring(z.read('xl/sharedStrings.xml'))
        shared = [text_of(si) for si in root.findall('m:si', NS)]
    styles = {'xfs': [], 'fonts': [], 'numFmts': {}}
    if 'xl/styles.xml' in names:
        root = ET.fromstring(z.read('xl/styles.xml'))
        for nf in root.findall('m:numFmts/m:numFmt', NS):
            styles['numFmts'][int(nf.get('numFmtId'))] = nf.get('formatCode')
        for f in root.findall('m:fonts/m:font', NS):
            name = f.find('m:name', NS)
            styles['fonts'].append({
                'name': name.get('val') if name is not None else None,
                'bold': f.find('m:b', NS) is not None and f.find('m:b', NS).get('val', '1') not in ('0', 'false'),
                'italic': f.find('m:i', NS) is not None,
                'size': float(f.find('m:sz', NS).get('val')) if f.find('m:sz', NS) is not None else None,
            })
        for xf in root.findall('m:cellXfs/m:xf', NS):
            styles['xfs'].append({'numFmtId': int(xf.get('numFmtId', '0')), 'fontId': int(xf.get('fontId', '0'))})

    def style_of(s):
        if s is None or not styles['xfs']:
            return {'numFmt': 'General', 'font': None, 'bold': False}
        xf = styles['xfs'][int(s)]
        fmt = styles['numFmts'].get(xf['numFmtId'], BUILTIN_FORMATS.get(xf['numFmtId'], str(xf['numFmtId'])))
        font = styles['fonts'][xf['fontId']] if xf['fontId'] < len(styles['fonts']) else {}
        return {'numFmt': fmt, 'font': font.get('name'), 'bold': font.get('bold', False), 'italic': font.get('italic', False), 'size': font.get('size')}

    book = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels.findall('rel:Relationship', NS)}
    defined = {}
    for dn in book.findall('m:definedNames/m:definedName', NS):
        defined.setdefault(dn.get('name'), []).append({'localSheetId': dn.get('localSheetId'), 'value': dn.text})
    calc = book.find('m:calcPr', NS)
    out = {'sheets': [], 'definedNames': defined, 'calcPr': dict(calc.attrib) if calc is not None else None}
    for sheet in book.findall('m:sheets/m:sheet', NS):
        rid = sheet.get('{%s}id' % NS['r'])
        target = targets[rid]
        part = target.lstrip('/') if target.startswith('/') else 'xl/' + target
        root = ET.fromstring(z.read(part))
        cells = {}
        for c in root.iter('{%s}c' % NS['m']):
            ref = c.get('r')
            t = c.get('t', 'n')
            v = c.find('m:v', NS)
            f = c.find('m:f', NS)
            value = None
            if t == 's' and v is not None:
                value = shared[int(v.text)]
            elif t == 'inlineStr':
                value = text_of(c.find('m:is', NS))
            elif t in ('str', 'e') and v is not None:
                value = v.text or ''
            elif t == 'b' and v is not None:
                value = v.text == '1'
            elif v is not None and v.text is not None:
                number = float(v.text)
                value = int(number) if number.is_integer() and 'E' not in v.text.upper() and '.' not in v.text else number
            cell = {'t': t, 'v': value}
            if f is not None:
                cell['f'] = f.text
            cell.update(style_of(c.get('s')))
            cells[ref] = cell
        merges = [m.get('ref') for m in root.findall('m:mergeCells/m:mergeCell', NS)]
        pane = root.find('m:sheetViews/m:sheetView/m:pane', NS)
        setup = root.find('m:pageSetup', NS)
        fit = root.find('m:sheetPr/m:pageSetUpPr', NS)
        out['sheets'].append({
            'name': sheet.get('name'),
            'cells': cells,
            'merges': merges,
            'pane': dict(pane.attrib) if pane is not None else None,
            'pageSetup': dict(setup.attrib) if setup is not None else None,
            'fitToPage': fit.get('fitToPage') if fit is not None else None,
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


def parts(path):
    z = zipfile.ZipFile(path)
    json.dump({name: hashlib.sha256(z.read(name)).hexdigest() for name in z.namelist()}, sys.stdout)


if __name__ == '__main__':
    if sys.argv[1] == '--parts':
        parts(sys.argv[2])
    else:
        main(sys.argv[1])
