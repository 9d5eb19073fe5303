#!/usr/bin/env python3
"""Writes the county-ledger fixtures the way county offices keep their ledgers (see README.md here).

    python3 make-county-fixtures.py   # county-ledger.xlsx, county-mixed.xlsx, county-titled-gb18030.csv
    soffice --headless --convert-to xls county-ledger.xlsx   # county-ledger.xls (Excel 97-2003)

The ID numbers are made up, with valid GB 11643 check characters.
"""
import openpyxl
from openpyxl.styles import Alignment, Font

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def resident_id(region, birth, sequence):
    body = f"{region}{birth}{sequence:03d}"
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


HEADER = ["序号", "姓名", "身份证号", "手机号", "村", "人员类别"]
TOWNSHIPS = {
    "城关镇": [("张三", resident_id("522426", "19660101", 1), "13800138001", "东村", "脱贫人口"),
              ("李四", resident_id("341222", "19700916", 2), "13900139002", "西村", "监测对象"),
              ("王五", resident_id("511923", "19750604", 3), "", "西村", "")],
    "河西镇": [("赵六", resident_id("110105", "19801231", 4), "13700137004", "柳树村", "脱贫人口"),
              ("钱七", resident_id("110105", "19491231", 5), "13600136005", "柳树村", ""),  # typed as a number below
              ("孙八", resident_id("430124", "19900101", 6), "13500135006", "杨庄", "脱贫人口、残疾人")],
    "柳树乡": [("周九", resident_id("430124", "19850505", 7), "13400134007", "上湾村", "脱贫人口"),
              ("吴十", resident_id("522426", "19660101", 1), "13300133008", "下湾村", "")],  # 张三's number again
}


def township_sheet(ws, township, people, numeric_id_row=None):
    ws.append(["XX县2026年脱贫劳动力就业台账"] + [None] * 5)
    ws.merge_cells("A1:F1")
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([f"填报单位：{township}", None, None, None, "填报日期：2026年3月2日", None])
    ws.append(HEADER)
    for number, (name, id_number, phone, village, groups) in enumerate(people, start=1):
        # Phones typed into number cells, as Excel keeps them: fine. IDs are text, except one.
        id_cell = int(id_number) if number == numeric_id_row else id_number
        ws.append([number, name, id_cell, int(phone) if phone else None, village, groups])
    ws.append([len(people) + 1, None, None, None, None, None])           # a numbered line left empty
    ws.append(["合计", f"{len(people)}人", None, None, None, None])
    ws.append(["制表人：王芳", None, "审核人：李强", None, "联系电话：0851-86123456", None])
    for column, width in zip("ABCDEF", [6, 10, 22, 14, 10, 24]):
        ws.column_dimensions[column].width = width


def workbook():
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes.append(["填表说明"])
    notes.append(["1. 身份证号一栏请设置为文本格式。"])
    notes.append(["2. 每个乡镇一张工作表。"])
    for township, people in TOWNSHIPS.items():
        township_sheet(wb.create_sheet(township), township, people, numeric_id_row=2 if township == "河西镇" else None)
    wb.create_sheet("Sheet2")   # Excel's empty sheet, left as it was
    wb.save("county-ledger.xlsx")


def mixed_workbook():
    """Two sheets whose headers differ: a people ledger and a sheet of another layout."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "城关镇"
    ws.append(HEADER)
    name, id_number, phone, village, groups = TOWNSHIPS["城关镇"][0]
    ws.append([1, name, id_number, phone, village, groups])
    other = wb.create_sheet("河西镇")
    other.append(["姓名", "身份证号", "技能", "手机号"])
    name, id_number, phone, village, groups = TOWNSHIPS["河西镇"][0]
    other.append([name, id_number, "电焊", phone])
    wb.save("county-mixed.xlsx")


def titled_csv():
    rows = [
        "XX县2026年脱贫劳动力就业台账,,,,,",
        "填报单位：城关镇,,,,,",
        ",".join(HEADER),
    ]
    for number, (name, id_number, phone, village, groups) in enumerate(TOWNSHIPS["城关镇"], start=1):
        rows.append(f"{number},{name},{id_number},{phone},{village},{groups}")
    rows.append("4,钱七,1.10105E+17,13600136005,柳树村,")   # an ID Excel kept as a number, saved as CSV
    rows.append("合计,4人,,,,")
    rows.append("备注：王五暂无手机号,,,,,")
    with open("county-titled-gb18030.csv", "wb") as f:
        f.write(("\r\n".join(rows) + "\r\n").encode("gb18030"))


if __name__ == "__main__":
    workbook()
    mixed_workbook()
    titled_csv()
