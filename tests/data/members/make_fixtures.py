#!/usr/bin/env python3
"""Writes the members test rosters as the bytes Excel would save (run once; the files are committed).

roster_cp932.csv     Shift_JIS (CP932), CRLF, headers as officers write them, 髙橋 山﨑, ｶﾀｶﾅ,
                     quoted commas, quotes and newlines, 全角スペース, 和暦 dates, a 班 given as "２".
roster_utf8_bom.csv  UTF-8 with BOM, other header names, 𠮷田 (not in CP932), 世帯番号 and 続柄.
roster_bad_date.csv  UTF-8, one impossible date (2023/13/45) on line 4.
roster_title_row.csv UTF-8, a title row above the header and a column needing --map (お名前).
"""
CRLF = "\r\n"


def write(name, text, encoding):
    with open(name, "wb") as f:
        f.write(text.encode(encoding))


cp932_rows = [
    "班,世帯主氏名,ﾌﾘｶﾞﾅ,住所,TEL,世帯人数,加入日,備考",
    '1班,髙橋　一郎,ﾀｶﾊｼ ｲﾁﾛｳ,"一関市山目字中野1-2, 101号",0191-00-1111,3,令和5年4月1日,',
    '1班,高橋　花子,ﾀｶﾊｼ ﾊﾅｺ,一関市山目字中野3,0191-00-2222,2,R5.4.1,"犬あり、""番犬""注意"',
    '２,山﨑　健太,ﾔﾏｻﾞｷ ｹﾝﾀ,一関市真柴字上4,0191-00-3333,4,2019/05/01,"回覧板は' + CRLF + '郵便受けへ"',
    "2班,佐藤　誠,サトウ マコト,一関市真柴字下5,,1,平成31年4月30日,",
    "3班,林　美智子,はやし みちこ,　一関市中里6　,0191-00-5555,２,2020-01-15,",
    "3班,小林　剛,ｺﾊﾞﾔｼ ﾂﾖｼ,一関市中里7,0191-00-6666,5,,",
]
write("roster_cp932.csv", CRLF.join(cp932_rows) + CRLF, "cp932")

utf8_rows = [
    "世帯番号,班,氏名,よみ,続柄,住所,電話番号,人数,入会日,生年,要支援者,メモ",
    "1,4班,𠮷田　悟,ヨシダ サトル,世帯主,一関市大町8,0191-00-7777,2,2021/4/1,1950,,",
    "1,4班,𠮷田　千代,ヨシダ チヨ,妻,一関市大町8,0191-00-7777,2,2021/4/1,昭和25年,○,足が不自由",
    "2,4班,渡辺　洋子,ワタナベ ヨウコ,,一関市大町9,,1,2022/6/1,,,",
]
write("roster_utf8_bom.csv", "\ufeff" + CRLF.join(utf8_rows) + CRLF, "utf-8")

bad_rows = [
    "班,氏名,フリガナ,加入日",
    "1班,佐藤　太郎,サトウ タロウ,2023/4/1",
    "1班,鈴木　一郎,スズキ イチロウ,2023/5/1",
    "2班,田中　花子,タナカ ハナコ,2023/13/45",
    "2班,伊藤　健,イトウ ケン,2023/6/1",
]
write("roster_bad_date.csv", "\n".join(bad_rows) + "\n", "utf-8")

title_rows = [
    "令和7年度 会員名簿,,,",
    ",,,",
    "組,お名前,カナ,住所",
    "5,千葉　修,チバ オサム,一関市萩荘10",
    "5,菅原　節子,スガワラ セツコ,一関市萩荘11",
]
write("roster_title_row.csv", CRLF.join(title_rows) + CRLF, "utf-8")
