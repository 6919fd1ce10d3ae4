namespace Digima.Benchmarks.Autocomplete;

/// <summary>Names added to the demo lists so a million customers look like a real customer base:
/// more surnames and given names, Latin names with their katakana, and company names built from
/// a stem, an industry and a legal form (thousands of distinct companies, not forty).</summary>
internal static class BenchNames
{
    public static readonly (string Kanji, string Kana)[] MoreFamilyNames =
    [
        ("小島", "コジマ"), ("桜井", "サクライ"), ("野口", "ノグチ"), ("松尾", "マツオ"), ("菊地", "キクチ"),
        ("木下", "キノシタ"), ("野村", "ノムラ"), ("新井", "アライ"), ("佐野", "サノ"), ("杉本", "スギモト"),
        ("大塚", "オオツカ"), ("堀", "ホリ"), ("高野", "タカノ"), ("小山", "コヤマ"), ("平野", "ヒラノ"),
        ("菅原", "スガワラ"), ("久保", "クボ"), ("岩崎", "イワサキ"), ("市川", "イチカワ"), ("浅野", "アサノ"),
        ("大西", "オオニシ"), ("松岡", "マツオカ"), ("荒木", "アラキ"), ("熊谷", "クマガイ"), ("武田", "タケダ"),
        ("服部", "ハットリ"), ("北村", "キタムラ"), ("中田", "ナカタ"), ("星野", "ホシノ"), ("福島", "フクシマ"),
        ("岩田", "イワタ"), ("上野", "ウエノ"), ("安田", "ヤスダ"), ("大橋", "オオハシ"), ("川口", "カワグチ"),
        ("辻", "ツジ"), ("永井", "ナガイ"), ("河野", "コウノ"), ("松下", "マツシタ"), ("桑原", "クワバラ"),
        ("馬場", "ババ"), ("大久保", "オオクボ"), ("野田", "ノダ"), ("吉川", "ヨシカワ"), ("須藤", "スドウ"),
        ("関", "セキ"), ("松浦", "マツウラ"), ("宮田", "ミヤタ"), ("吉村", "ヨシムラ"), ("小松", "コマツ"),
        ("西田", "ニシダ"), ("秋山", "アキヤマ"), ("本田", "ホンダ"), ("黒田", "クロダ"), ("水野", "ミズノ"),
        ("篠原", "シノハラ"), ("樋口", "ヒグチ"), ("片山", "カタヤマ"), ("阿久津", "アクツ"), ("飯田", "イイダ"),
        ("西川", "ニシカワ"), ("高田", "タカダ"), ("石原", "イシハラ"), ("菅野", "スガノ"), ("土屋", "ツチヤ"),
        ("八木", "ヤギ"), ("奥村", "オクムラ"), ("東海林", "ショウジ"), ("勅使河原", "テシガワラ"), ("一ノ瀬", "イチノセ"),
    ];

    public static readonly (string Kanji, string Kana)[] MoreGivenNames =
    [
        ("大翔", "ヒロト"), ("陽菜", "ヒナ"), ("湊", "ミナト"), ("結菜", "ユイナ"), ("樹", "イツキ"),
        ("美月", "ミツキ"), ("大和", "ヤマト"), ("心春", "コハル"), ("朝陽", "アサヒ"), ("芽依", "メイ"),
        ("律", "リツ"), ("紬", "ツムギ"), ("陽向", "ヒナタ"), ("澪", "ミオ"), ("新", "アラタ"),
        ("杏", "アン"), ("真一", "シンイチ"), ("清", "キヨシ"), ("博", "ヒロシ"), ("明", "アキラ"),
        ("茂", "シゲル"), ("稔", "ミノル"), ("勇", "イサム"), ("進", "ススム"), ("恵美", "エミ"),
        ("由紀", "ユキ"), ("麻衣", "マイ"), ("瞳", "ヒトミ"), ("純一", "ジュンイチ"), ("徹", "トオル"),
        ("亮", "リョウ"), ("大介", "ダイスケ"), ("聡", "サトシ"), ("望", "ノゾミ"), ("渉", "ワタル"),
    ];

    /// <summary>Family names of foreign contacts, with the katakana a rep would file them under.</summary>
    public static readonly (string Latin, string Kana)[] LatinFamilyNames =
    [
        ("Smith", "スミス"), ("Johnson", "ジョンソン"), ("Williams", "ウィリアムズ"), ("Brown", "ブラウン"),
        ("Jones", "ジョーンズ"), ("Miller", "ミラー"), ("Davis", "デイビス"), ("Garcia", "ガルシア"),
        ("Rodriguez", "ロドリゲス"), ("Wilson", "ウィルソン"), ("Martinez", "マルティネス"), ("Anderson", "アンダーソン"),
        ("Taylor", "テイラー"), ("Thomas", "トーマス"), ("Moore", "ムーア"), ("Martin", "マーティン"),
        ("Lee", "リー"), ("Clark", "クラーク"), ("Lewis", "ルイス"), ("Walker", "ウォーカー"),
        ("Young", "ヤング"), ("King", "キング"), ("Wright", "ライト"), ("Scott", "スコット"),
        ("Green", "グリーン"), ("Baker", "ベイカー"), ("Adams", "アダムス"), ("Nelson", "ネルソン"),
        ("Schmidt", "シュミット"), ("Dubois", "デュボア"), ("Rossi", "ロッシ"), ("Kim", "キム"),
        ("Park", "パク"), ("Chen", "チェン"), ("Wang", "ワン"), ("Nguyen", "グエン"), ("Singh", "シン"), ("Silva", "シルバ"),
    ];

    public static readonly (string Latin, string Kana)[] LatinGivenNames =
    [
        ("James", "ジェームズ"), ("Mary", "メアリー"), ("John", "ジョン"), ("Patricia", "パトリシア"),
        ("Robert", "ロバート"), ("Jennifer", "ジェニファー"), ("Michael", "マイケル"), ("Linda", "リンダ"),
        ("David", "デイビッド"), ("Emily", "エミリー"), ("Daniel", "ダニエル"), ("Sarah", "サラ"),
        ("Laura", "ローラ"), ("Paul", "ポール"), ("Anna", "アンナ"), ("Mark", "マーク"), ("Emma", "エマ"),
        ("Kevin", "ケビン"), ("Sophie", "ソフィー"), ("Lucas", "ルーカス"), ("Olivia", "オリビア"),
        ("Chris", "クリス"), ("Julia", "ユリア"), ("Alex", "アレックス"), ("Wei", "ウェイ"), ("Hana", "ハナ"),
    ];

    /// <summary>Company name stems and the romaji their domains use.</summary>
    public static readonly (string Name, string Romaji)[] CompanyStems =
    [
        ("さくら", "sakura"), ("あおば", "aoba"), ("みなと", "minato"), ("東都", "toto"), ("ミライ", "mirai"),
        ("はるか", "haruka"), ("彩和", "saiwa"), ("つばさ", "tsubasa"), ("若葉", "wakaba"), ("いぶき", "ibuki"),
        ("葵", "aoi"), ("東雲", "shinonome"), ("ことぶき", "kotobuki"), ("清流", "seiryu"), ("みどり", "midori"),
        ("あかつき", "akatsuki"), ("ソラ", "sora"), ("はなみずき", "hanamizuki"), ("白鷺", "shirasagi"), ("ほしぞら", "hoshizora"),
        ("錦", "nishiki"), ("かえで", "kaede"), ("蒼海", "sokai"), ("いろは", "iroha"), ("翠風", "suifu"),
        ("なごみ", "nagomi"), ("すずらん", "suzuran"), ("ハレバレ", "harebare"), ("雪嶺", "setsurei"), ("こもれび", "komorebi"),
        ("四葉", "yotsuba"), ("ときわ", "tokiwa"), ("ヒバリ", "hibari"), ("浜風", "hamakaze"), ("くすのき", "kusunoki"),
        ("ツムギ", "tsumugi"), ("稲穂", "inaho"), ("紫苑", "shion"), ("あさぎ", "asagi"), ("大和", "yamato"),
        ("富士", "fuji"), ("日の出", "hinode"), ("北斗", "hokuto"), ("三つ星", "mitsuboshi"), ("金剛", "kongo"),
        ("光", "hikari"), ("朝日", "asahi"), ("昴", "subaru"), ("凪", "nagi"), ("Nexus", "nexus"),
        ("Bright", "bright"), ("Blue Ocean", "blueocean"), ("Apex", "apex"), ("Global", "global"), ("Pacific", "pacific"),
    ];

    public static readonly (string Name, string Romaji)[] Industries =
    [
        ("精機", "seiki"), ("商事", "shoji"), ("システム", "system"), ("工業", "kogyo"), ("ネットワークス", "networks"),
        ("メディカル", "medical"), ("ソリューションズ", "solutions"), ("フーズ", "foods"), ("建設", "kensetsu"), ("テクノ", "techno"),
        ("データサービス", "data"), ("化学", "kagaku"), ("電機", "denki"), ("物流", "butsuryu"), ("マテリアル", "material"),
        ("不動産", "fudosan"), ("精密", "seimitsu"), ("ラボ", "lab"), ("テキスタイル", "textile"), ("会計", "kaikei"),
        ("マリン", "marine"), ("印刷", "insatsu"), ("エナジー", "energy"), ("商会", "shokai"), ("医療器", "iryoki"),
        ("クラウド", "cloud"), ("エンジニアリング", "engineering"), ("ケア", "care"), ("電子", "denshi"), ("製作所", "seisakusho"),
        ("通信", "tsushin"), ("トレーディング", "trading"), ("人材", "jinzai"), ("アグリ", "agri"), ("コンサルティング", "consulting"),
        ("設備", "setsubi"), ("ロジスティクス", "logistics"), ("デザイン", "design"), ("食品", "shokuhin"), ("薬品", "yakuhin"),
    ];
}
