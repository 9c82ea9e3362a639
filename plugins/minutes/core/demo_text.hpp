#pragma once
// Fictional wording for the demo minutes.
#include <array>
#include <string_view>

namespace wasshoi::minutes::demo_text {

inline constexpr std::array<std::string_view, 8> kDiscussions{
    "資料に基づき担当役員から説明があり、質疑の後、異議なく了承された。",
    "会員から「街路灯の球切れが続いている」との意見があり、市へ修繕を依頼することとした。",
    "夏祭りの準備状況について報告があった。雨天時は公民館で実施する。",
    "ごみ集積所の清掃当番表の見直しについて協議した。班ごとの負担に偏りがあるとの意見が出た。",
    "防災訓練の実施方法について、要支援者の安否確認を班長が担う案が示され、賛成多数であった。",
    "会費の口座振替導入について、手数料の試算を次回までに示すこととした。",
    "通学路の危険箇所（交差点の見通し）について、地域担当職員から市の対応予定の説明があった。",
    "回覧板の回し方について、共働き世帯の負担軽減のため電子回覧を試行する案が出された。"};

// Discussion notes that fit the usual agenda items; others take one of kDiscussions.
struct ItemNote {
  std::string_view keyword;
  std::string_view note;
};
inline constexpr std::array<ItemNote, 7> kItemNotes{{
    {"事業報告",
     "会長から、資料に基づき前年度の行事（夏祭り、防災訓練、敬老会、環境美化活動）の実施状況について報告があ"
     "った。"},
    {"決算", "会計から収支決算について説明があり、繰越金の使途について質問があった。"},
    {"監査", "監事から、帳簿及び証憑類を監査した結果、適正に処理されていたとの報告があった。"},
    {"事業計画", "会長から、防災訓練の年2回実施と電子回覧の試行を含む事業計画（案）の説明があった。"},
    {"予算", "会計から収支予算（案）の説明があり、防災備品の購入費を増額したとの補足があった。"},
    {"役員", "役員選考委員会から候補者名簿が示され、議場に諮ったところ異議はなかった。"},
    {"前回議事録", "書記が前回議事録（案）を読み上げ、誤りのないことを確認した。"},
}};

struct DemoAction {
  std::string_view title;
  std::string_view role;  // who takes it
};
inline constexpr std::array<DemoAction, 10> kActions{{
    {"街路灯修繕の要望を市に提出する", "会長"},
    {"防災訓練の案内文を作成し回覧する", "防災担当"},
    {"夏祭りの備品（テント・机）を点検する", "副会長"},
    {"ごみ集積所の清掃当番表を改訂する", "班長"},
    {"口座振替の手数料を金融機関に確認する", "会計"},
    {"要支援者名簿の更新を各班に依頼する", "防災担当"},
    {"通学路の危険箇所を写真付きでまとめる", "副会長"},
    {"集会所の鍵の管理方法を見直す", "会長"},
    {"敬老会の記念品を手配する", "会計"},
    {"電子回覧の試行班を決める", "書記"},
}};

inline constexpr std::array<std::string_view, 3> kGuestNames{"一関 太郎", "地域 花子", "協働 次郎"};

}  // namespace wasshoi::minutes::demo_text
