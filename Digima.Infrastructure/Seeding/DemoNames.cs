namespace Digima.Infrastructure.Seeding;

/// <summary>Realistic Japanese names and companies for the demo seed (fictional; domains under .test).</summary>
internal static class DemoNames
{
    /// <summary>Common Japanese surnames (kanji, full-width katakana reading), most common first.</summary>
    public static readonly IReadOnlyList<(string Kanji, string Kana)> FamilyNames =
    [
        ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
        ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
        ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
        ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
        ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"),
        ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"), ("石井", "イシイ"), ("小川", "オガワ"),
        ("前田", "マエダ"), ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"),
        ("近藤", "コンドウ"), ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"),
        ("福田", "フクダ"), ("太田", "オオタ"), ("西村", "ニシムラ"), ("藤井", "フジイ"), ("金子", "カネコ"),
        ("岡本", "オカモト"), ("藤原", "フジワラ"), ("中野", "ナカノ"), ("三浦", "ミウラ"), ("原田", "ハラダ"),
        ("中川", "ナカガワ"), ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"), ("田村", "タムラ"),
        ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"), ("森田", "モリタ"), ("上田", "ウエダ"),
        ("原", "ハラ"), ("内田", "ウチダ"), ("柴田", "シバタ"), ("酒井", "サカイ"), ("宮崎", "ミヤザキ"),
        ("横山", "ヨコヤマ"), ("高木", "タカギ"), ("安藤", "アンドウ"), ("宮本", "ミヤモト"), ("大野", "オオノ"),
        ("千葉", "チバ"), ("工藤", "クドウ"), ("谷口", "タニグチ"), ("今井", "イマイ"), ("松井", "マツイ"),
        ("丸山", "マルヤマ"), ("増田", "マスダ"), ("杉山", "スギヤマ"), ("村田", "ムラタ"), ("五十嵐", "イガラシ"),
    ];

    /// <summary>Common given names (kanji, full-width katakana reading), alternating male and female.</summary>
    public static readonly IReadOnlyList<(string Kanji, string Kana)> GivenNames =
    [
        ("太郎", "タロウ"), ("花子", "ハナコ"), ("翔太", "ショウタ"), ("美咲", "ミサキ"), ("大輔", "ダイスケ"),
        ("陽子", "ヨウコ"), ("健太", "ケンタ"), ("恵子", "ケイコ"), ("拓也", "タクヤ"), ("由美", "ユミ"),
        ("直樹", "ナオキ"), ("真由美", "マユミ"), ("達也", "タツヤ"), ("直美", "ナオミ"), ("和也", "カズヤ"),
        ("明美", "アケミ"), ("剛", "ツヨシ"), ("久美子", "クミコ"), ("誠", "マコト"), ("智子", "トモコ"),
        ("浩二", "コウジ"), ("美穂", "ミホ"), ("健一", "ケンイチ"), ("愛", "アイ"), ("隆", "タカシ"),
        ("彩", "アヤ"), ("雄一", "ユウイチ"), ("舞", "マイ"), ("修", "オサム"), ("沙織", "サオリ"),
        ("蓮", "レン"), ("香織", "カオリ"), ("悠斗", "ユウト"), ("恵", "メグミ"), ("颯太", "ソウタ"),
        ("綾香", "アヤカ"), ("悠真", "ユウマ"), ("美香", "ミカ"), ("翼", "ツバサ"), ("奈々", "ナナ"),
        ("陸", "リク"), ("桜", "サクラ"), ("海斗", "カイト"), ("結衣", "ユイ"), ("拓海", "タクミ"),
        ("葵", "アオイ"), ("一郎", "イチロウ"), ("凛", "リン"), ("健二", "ケンジ"), ("優子", "ユウコ"),
        ("慎吾", "シンゴ"), ("千尋", "チヒロ"), ("裕介", "ユウスケ"), ("遥", "ハルカ"), ("俊介", "シュンスケ"),
        ("七海", "ナナミ"), ("康介", "コウスケ"), ("莉子", "リコ"), ("智也", "トモヤ"), ("紗希", "サキ"),
        ("雅人", "マサト"), ("理恵", "リエ"), ("隼人", "ハヤト"), ("亜美", "アミ"), ("涼太", "リョウタ"),
        ("美紀", "ミキ"), ("信也", "シンヤ"), ("知美", "トモミ"), ("浩之", "ヒロユキ"), ("加奈子", "カナコ"),
        ("秀樹", "ヒデキ"), ("真理子", "マリコ"), ("正樹", "マサキ"), ("京子", "キョウコ"), ("和彦", "カズヒコ"),
        ("由佳", "ユカ"), ("啓介", "ケイスケ"), ("典子", "ノリコ"), ("洋平", "ヨウヘイ"), ("幸子", "サチコ"),
    ];

    /// <summary>Fictional B2B companies with distinct romanised domains under the reserved .test TLD.</summary>
    public static readonly IReadOnlyList<(string Name, string Domain)> Companies =
    [
        ("株式会社さくら精機", "sakura-seiki.test"),
        ("東都ロジスティクス株式会社", "toto-logistics.test"),
        ("合同会社ミライデザイン", "mirai-design.test"),
        ("株式会社あおば商事", "aoba-shoji.test"),
        ("株式会社なぎさシステム", "nagisa-system.test"),
        ("株式会社みなと工業", "minato-kogyo.test"),
        ("株式会社はるかネットワークス", "haruka-networks.test"),
        ("彩和メディカル株式会社", "saiwa-medical.test"),
        ("株式会社つばさソリューションズ", "tsubasa-solutions.test"),
        ("若葉フーズ株式会社", "wakaba-foods.test"),
        ("株式会社いぶき建設", "ibuki-kensetsu.test"),
        ("株式会社葵テクノ", "aoi-techno.test"),
        ("東雲データサービス株式会社", "shinonome-data.test"),
        ("株式会社ことぶき化学", "kotobuki-kagaku.test"),
        ("清流電機株式会社", "seiryu-denki.test"),
        ("株式会社みどり物流", "midori-butsuryu.test"),
        ("株式会社あかつきマテリアル", "akatsuki-material.test"),
        ("合同会社ソラノート", "soranote.test"),
        ("株式会社はなみずき不動産", "hanamizuki-fudosan.test"),
        ("白鷺精密工業株式会社", "shirasagi-seimitsu.test"),
        ("株式会社ほしぞらラボ", "hoshizora-lab.test"),
        ("錦テキスタイル株式会社", "nishiki-textile.test"),
        ("株式会社かえで会計サービス", "kaede-kaikei.test"),
        ("蒼海マリン株式会社", "sokai-marine.test"),
        ("株式会社いろは印刷", "iroha-insatsu.test"),
        ("株式会社翠風エナジー", "suifu-energy.test"),
        ("株式会社なごみ商会", "nagomi-shokai.test"),
        ("株式会社すずらん医療器", "suzuran-iryoki.test"),
        ("合同会社ハレバレクラウド", "harebare-cloud.test"),
        ("株式会社雪嶺エンジニアリング", "setsurei-engineering.test"),
        ("株式会社こもれびケア", "komorebi-care.test"),
        ("四葉電子株式会社", "yotsuba-denshi.test"),
        ("株式会社ときわ製作所", "tokiwa-seisakusho.test"),
        ("株式会社ヒバリ通信", "hibari-tsushin.test"),
        ("浜風トレーディング株式会社", "hamakaze-trading.test"),
        ("株式会社くすのき人材", "kusunoki-jinzai.test"),
        ("合同会社ツムギラボ", "tsumugi-lab.test"),
        ("株式会社稲穂アグリ", "inaho-agri.test"),
        ("紫苑コンサルティング株式会社", "shion-consulting.test"),
        ("株式会社あさぎ設備", "asagi-setsubi.test"),
    ];

    /// <summary>Typical department names of a Japanese company.</summary>
    public static readonly IReadOnlyList<string> Departments =
    [
        "営業部", "営業企画部", "マーケティング部", "情報システム部", "総務部",
        "人事部", "経理部", "購買部", "開発部", "製造部",
        "品質管理部", "経営企画部", "カスタマーサクセス部", "広報部", "法務部",
    ];

    /// <summary>Typical job titles of a Japanese company.</summary>
    public static readonly IReadOnlyList<string> Titles =
    [
        "代表取締役", "取締役", "部長", "次長", "課長", "係長",
        "主任", "マネージャー", "リーダー", "担当", "執行役員", "スペシャリスト",
    ];
}
