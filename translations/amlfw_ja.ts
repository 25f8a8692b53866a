<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>amlfw::AnswersValidator</name>
    <message>
        <source>The storage account name is empty: enter the name of the workspace&apos;s default storage account.</source>
        <translation>ストレージ アカウント名が空です。ワークスペースの既定のストレージ アカウント名を入力してください。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; is too short: it must be 3 to 24 characters long.</source>
        <translation>ストレージ アカウント名「%1」は短すぎます。3 ～ 24 文字にする必要があります。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; is too long (%2 characters): it must be 3 to 24 characters long.</source>
        <translation>ストレージ アカウント名「%1」は長すぎます (%2 文字)。3 ～ 24 文字にする必要があります。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; contains the upper-case letter &quot;%2&quot;: use lower-case letters and digits only.</source>
        <translation>ストレージ アカウント名「%1」に大文字「%2」が含まれています。英小文字と数字だけを使用してください。</translation>
    </message>
    <message>
        <source>The storage account name &quot;%1&quot; contains &quot;%2&quot;: use lower-case letters and digits only.</source>
        <translation>ストレージ アカウント名「%1」に「%2」が含まれています。英小文字と数字だけを使用してください。</translation>
    </message>
    <message>
        <source>No cloud given: choose one of %1.</source>
        <translation>クラウドが指定されていません。%1 のいずれかを選択してください。</translation>
    </message>
    <message>
        <source>Unknown cloud &quot;%1&quot;: choose one of %2.</source>
        <translation>不明なクラウド「%1」です。%2 のいずれかを選択してください。</translation>
    </message>
    <message>
        <source>No region given: choose a region of %1.</source>
        <translation>リージョンが指定されていません。%1 のリージョンを選択してください。</translation>
    </message>
    <message>
        <source>The region &quot;%1&quot; belongs to %2, not to %3.</source>
        <translation>リージョン「%1」は %3 ではなく %2 のリージョンです。</translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot; in %2. Did you mean &quot;%3&quot;?</source>
        <translation>%2 に「%1」というリージョンはありません。「%3」ではありませんか?</translation>
    </message>
    <message>
        <source>Unknown region &quot;%1&quot; in %2; &quot;amlfw regions --cloud %3&quot; lists the regions.</source>
        <translation>%2 に「%1」というリージョンはありません。リージョンの一覧は「amlfw regions --cloud %3」で表示できます。</translation>
    </message>
    <message>
        <source>Azure Machine Learning is not offered in %1 (%2): check the region of the workspace.</source>
        <translation>%1 (%2) では Azure Machine Learning が提供されていません。ワークスペースのリージョンを確認してください。</translation>
    </message>
    <message>
        <source>Unknown feature &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation>不明な機能「%1」です。「%2」ではありませんか?</translation>
    </message>
    <message>
        <source>Unknown feature &quot;%1&quot;; known features: %2.</source>
        <translation>不明な機能「%1」です。使用できる機能: %2。</translation>
    </message>
    <message>
        <source>The feature &quot;%1&quot; is not in the %2 edition: %3</source>
        <translation>機能「%1」は %2 版にはありません: %3</translation>
    </message>
    <message>
        <source>The feature &quot;%1&quot; is not in the %2 edition, and it has no counterpart there.</source>
        <translation>機能「%1」は %2 版にはなく、対応する機能もありません。</translation>
    </message>
    <message>
        <source>The feature &quot;%1&quot; is not in the %2 edition; its nearest there: %3. %4</source>
        <translation>機能「%1」は %2 版にはありません。最も近い機能: %3。%4</translation>
    </message>
    <message>
        <source>The feature &quot;%1&quot; is not in the %2 edition; its nearest there: %3.</source>
        <translation>機能「%1」は %2 版にはありません。最も近い機能: %3。</translation>
    </message>
    <message>
        <source>The container registry name &quot;%1&quot; is not valid: it must be 5 to 50 letters and digits (the part before .azurecr.io).</source>
        <translation>コンテナー レジストリ名「%1」は正しくありません。英数字 5 ～ 50 文字 (.azurecr.io の前の部分) にしてください。</translation>
    </message>
    <message>
        <source>The workspace ID &quot;%1&quot; is not valid: it is a GUID such as 0a1b2c3d-4e5f-6789-abcd-ef0123456789 (Properties of the workspace in the Azure portal).</source>
        <translation>ワークスペース ID「%1」は正しくありません。ワークスペース ID は 0a1b2c3d-4e5f-6789-abcd-ef0123456789 のような GUID です (Azure portal のワークスペースの [プロパティ])。</translation>
    </message>
    <message>
        <source>The answers are for the %1 edition, but the catalog is the %2 edition.</source>
        <translation>回答は %1 版用ですが、カタログは %2 版です。</translation>
    </message>
    <message>
        <source>The %1 edition knows no managed virtual network: choose the customer network, or a newer edition.</source>
        <translation>%1 版にはマネージド仮想ネットワークがありません。お客様のネットワークを選択するか、新しい版を選択してください。</translation>
    </message>
</context>
<context>
    <name>amlfw::ArmExporter</name>
    <message>
        <source>&quot;%1&quot; is not a valid firewall policy name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation>「%1」はファイアウォール ポリシー名として使用できません。英数字、アンダースコア、ピリオド、ハイフンを 1 ～ 80 文字で指定し、英数字で始めてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid rule collection group name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation>「%1」は規則コレクション グループ名として使用できません。英数字、アンダースコア、ピリオド、ハイフンを 1 ～ 80 文字で指定し、英数字で始めてください。</translation>
    </message>
    <message>
        <source>The rule collection group priority %1 is out of range: use 100 to 65000.</source>
        <translation>規則コレクション グループの優先度 %1 は範囲外です。100 ～ 65000 を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range (such as 10.0.1.0/24).</source>
        <translation>「%1」は IP アドレスでも CIDR 範囲 (10.0.1.0/24 など) でもありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an Azure location name (such as japaneast).</source>
        <translation>「%1」は Azure の場所の名前 (japaneast など) ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid route table name: use 1 to 80 letters, digits, underscores, periods and hyphens, starting with a letter or digit.</source>
        <translation>「%1」はルート テーブル名として使用できません。英数字、アンダースコア、ピリオド、ハイフンを 1 ～ 80 文字で指定し、英数字で始めてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 address (the firewall&apos;s private IP, such as 10.0.0.4).</source>
        <translation>「%1」は IPv4 アドレス (ファイアウォールのプライベート IP。10.0.0.4 など) ではありません。</translation>
    </message>
    <message>
        <source>The default route through the firewall is added only to a new route table (--route-table new).</source>
        <translation>ファイアウォールを経由する既定のルートは、新しいルート テーブル (--route-table new) にのみ追加されます。</translation>
    </message>
    <message>
        <source>Rule %1 matches the URL path %2: the policy needs TLS inspection configured (Premium tier, a CA certificate in Key Vault).</source>
        <translation>規則 %1 は URL パス %2 を照合します。ポリシーで TLS インスペクションを構成する必要があります (Premium レベル、Key Vault の CA 証明書)。</translation>
    </message>
    <message>
        <source>Alternative for %1 on %2: %3</source>
        <translation>%1 (%2) の代替: %3</translation>
    </message>
    <message>
        <source>Name of the firewall policy to create.</source>
        <translation>作成するファイアウォール ポリシーの名前。</translation>
    </message>
    <message>
        <source>Name of the existing firewall policy in this resource group.</source>
        <translation>このリソース グループにある既存のファイアウォール ポリシーの名前。</translation>
    </message>
    <message>
        <source>Location of the new resources.</source>
        <translation>新しいリソースの場所。</translation>
    </message>
    <message>
        <source>Name of the rule collection group for Azure Machine Learning.</source>
        <translation>Azure Machine Learning 用の規則コレクション グループの名前。</translation>
    </message>
    <message>
        <source>Priority of the rule collection group (100-65000).</source>
        <translation>規則コレクション グループの優先度 (100 ～ 65000)。</translation>
    </message>
    <message>
        <source>Address prefixes of the Azure Machine Learning compute subnet(s), such as 10.0.1.0/24.</source>
        <translation>Azure Machine Learning のコンピューティング サブネットのアドレス プレフィックス (10.0.1.0/24 など)。</translation>
    </message>
    <message>
        <source>Some rules are network rules with destination FQDNs: enable DNS proxy on the existing firewall policy.</source>
        <translation>一部の規則は送信先 FQDN を指定したネットワーク規則です。既存のファイアウォール ポリシーで DNS プロキシを有効にしてください。</translation>
    </message>
    <message>
        <source>Compute needs user-defined routes (next hop: Internet) on its subnet&apos;s route table; this template does not create them.</source>
        <translation>コンピューティングには、サブネットのルート テーブルにユーザー定義のルート (ネクスト ホップの種類: インターネット) が必要です。このテンプレートでは作成しません。</translation>
    </message>
    <message>
        <source>Name of the route table to create for the compute subnet.</source>
        <translation>コンピューティング サブネット用に作成するルート テーブルの名前。</translation>
    </message>
    <message>
        <source>Name of the compute subnet&apos;s existing route table in this resource group.</source>
        <translation>このリソース グループにある、コンピューティング サブネットの既存のルート テーブルの名前。</translation>
    </message>
    <message>
        <source>Address prefixes of the %1 service tag, from the &quot;Azure IP Ranges and Service Tags&quot; file of your cloud.</source>
        <translation>サービス タグ %1 のアドレス プレフィックス (ご使用のクラウドの「Azure IP Ranges and Service Tags」ファイルから取得)。</translation>
    </message>
    <message>
        <source>Fill the route prefix parameters from the current &quot;Azure IP Ranges and Service Tags&quot; file: they change over time.</source>
        <translation>ルートのプレフィックスのパラメーターには、最新の「Azure IP Ranges and Service Tags」ファイルの値を指定してください。アドレスは変わります。</translation>
    </message>
    <message>
        <source>Private IP address of the Azure Firewall.</source>
        <translation>Azure Firewall のプライベート IP アドレス。</translation>
    </message>
    <message>
        <source>Associate the route table with the compute subnet.</source>
        <translation>ルート テーブルをコンピューティング サブネットに関連付けてください。</translation>
    </message>
    <message>
        <source>Inbound rules (BatchNodeManagement, AzureMachineLearning) belong to the compute subnet&apos;s network security group, which Azure creates; they are not firewall rules.</source>
        <translation>受信の規則 (BatchNodeManagement、AzureMachineLearning) は、Azure が作成するコンピューティング サブネットのネットワーク セキュリティ グループに属します。ファイアウォールの規則ではありません。</translation>
    </message>
    <message>
        <source>Azure Firewall rules for an Azure Machine Learning workspace: %1, %2. Generated by amlfw %3 from the article edition %4.</source>
        <translation>Azure Machine Learning ワークスペース用の Azure Firewall の規則: %1、%2。amlfw %3 が記事の %4 版から生成しました。</translation>
    </message>
    <message>
        <source>Rule %1 is not in this template: %2</source>
        <translation>規則 %1 はこのテンプレートに含まれていません: %2</translation>
    </message>
    <message>
        <source>The routes to %1 hold the address prefixes of %2. Microsoft changes them weekly: export again with the current file before you deploy.</source>
        <translation>%1 へのルートには %2 のアドレス プレフィックスが入っています。Microsoft はこれを毎週変更します。デプロイの前に、最新のファイルでもう一度エクスポートしてください。</translation>
    </message>
    <message>
        <source>These are %1 routes; a route table holds at most 400.</source>
        <translation>ルートは %1 個です。1 つのルート テーブルに入るルートは 400 個までです。</translation>
    </message>
    <message>
        <source>A managed virtual network has no firewall template: its outbound rules are set on the workspace (its managed network settings), not in an Azure Firewall policy. Export them with --format managed-network.</source>
        <translation>マネージド仮想ネットワークにはファイアウォールのテンプレートはありません。その送信規則は Azure Firewall ポリシーではなく、ワークスペース (のマネージド ネットワークの設定) に設定します。--format managed-network でエクスポートしてください。</translation>
    </message>
</context>
<context>
    <name>amlfw::AtomicFile</name>
    <message>
        <source>No output file given.</source>
        <translation>出力ファイルが指定されていません。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: it is a folder.</source>
        <translation>「%1」に書き込めません。フォルダーです。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: the folder &quot;%2&quot; does not exist.</source>
        <translation>「%1」に書き込めません。フォルダー「%2」が存在しません。</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>「%1」に書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot save &quot;%1&quot;: %2</source>
        <translation>「%1」を保存できません: %2</translation>
    </message>
    <message>
        <source>no space left on the device</source>
        <translation>デバイスの空き容量がありません</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: permission denied.</source>
        <translation>「%1」に書き込めません。アクセス権がありません。</translation>
    </message>
</context>
<context>
    <name>amlfw::AzCliExporter</name>
    <message>
        <source>A managed virtual network has no firewall script: its outbound rules are set on the workspace, not in an Azure Firewall policy. Export them with --format managed-network.</source>
        <translation>マネージド仮想ネットワークにはファイアウォールのスクリプトがありません。その送信規則は Azure Firewall ポリシーではなくワークスペースに設定します。--format managed-network でエクスポートしてください。</translation>
    </message>
    <message>
        <source>Rule %1 is not in this script: %2</source>
        <translation>規則 %1 はこのスクリプトに含まれていません: %2</translation>
    </message>
    <message>
        <source>Compute needs user-defined routes (next hop: Internet) on its subnet&apos;s route table; this script does not create them (--route-table none).</source>
        <translation>コンピューティングには、そのサブネットのルート テーブルにユーザー定義のルート (ネクスト ホップの種類: インターネット) が必要です。このスクリプトでは作成しません (--route-table none)。</translation>
    </message>
    <message>
        <source>Fill the route prefix variables from the current &quot;Azure IP Ranges and Service Tags&quot; file: they change over time.</source>
        <translation>ルートのプレフィックス変数には、最新の「Azure IP Ranges and Service Tags」ファイルの値を設定してください。値は随時変わります。</translation>
    </message>
    <message>
        <source>Azure Firewall rules for an Azure Machine Learning workspace: %1, %2.</source>
        <translation>Azure Machine Learning ワークスペース用の Azure Firewall 規則: %1、%2。</translation>
    </message>
    <message>
        <source>Generated by amlfw %1 from the article edition %2; features: %3.</source>
        <translation>amlfw %1 により記事の版 %2 から生成。機能: %3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Storage account: %1; routes: %2.</source>
        <translation>ストレージ アカウント: %1、ルート: %2。</translation>
    </message>
    <message>
        <source>Service tag address prefixes from %1 (%2): they change weekly.</source>
        <translation>サービス タグのアドレス プレフィックスは %1 (%2) から取得。毎週変わります。</translation>
    </message>
    <message>
        <source>Needs the Azure CLI with the azure-firewall extension (az extension add --name azure-firewall); sign in with az login first.</source>
        <translation>azure-firewall 拡張機能を追加した Azure CLI が必要です (az extension add --name azure-firewall)。先に az login でサインインしてください。</translation>
    </message>
    <message>
        <source>Run: RESOURCE_GROUP=&lt;resource group&gt; bash &lt;this file&gt;</source>
        <translation>実行方法: RESOURCE_GROUP=&lt;リソース グループ&gt; bash &lt;このファイル&gt;</translation>
    </message>
    <message>
        <source>Running it again replaces the rule collection group with the same rules.</source>
        <translation>もう一度実行すると、規則コレクション グループが同じ規則で置き換えられます。</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>注:</translation>
    </message>
    <message>
        <source>Resource group of the new firewall policy.</source>
        <translation>新しいファイアウォール ポリシーのリソース グループ。</translation>
    </message>
    <message>
        <source>Resource group of the existing firewall policy.</source>
        <translation>既存のファイアウォール ポリシーのリソース グループ。</translation>
    </message>
    <message>
        <source>set RESOURCE_GROUP to the resource group of the firewall policy</source>
        <translation>RESOURCE_GROUP にファイアウォール ポリシーのリソース グループを設定してください</translation>
    </message>
    <message>
        <source>Location of the new resources; empty: the resource group&apos;s location.</source>
        <translation>新しいリソースの場所。空の場合はリソース グループの場所。</translation>
    </message>
    <message>
        <source>Address prefixes of the Azure Machine Learning compute subnet(s), space-separated, such as 10.0.1.0/24.</source>
        <translation>Azure Machine Learning のコンピューティング サブネットのアドレス プレフィックス (空白区切り、10.0.1.0/24 など)。</translation>
    </message>
    <message>
        <source>set SOURCE_ADDRESSES to the compute subnet&apos;s address prefixes, such as 10.0.1.0/24</source>
        <translation>SOURCE_ADDRESSES にコンピューティング サブネットのアドレス プレフィックス (10.0.1.0/24 など) を設定してください</translation>
    </message>
    <message>
        <source>Address prefixes of the %1 service tag, space-separated, from the &quot;Azure IP Ranges and Service Tags&quot; file of your cloud.</source>
        <translation>%1 サービス タグのアドレス プレフィックス (空白区切り)。ご使用のクラウドの「Azure IP Ranges and Service Tags」ファイルから取得してください。</translation>
    </message>
    <message>
        <source>SOURCE_ADDRESSES is empty: name the compute subnet&apos;s address prefixes.</source>
        <translation>SOURCE_ADDRESSES が空です。コンピューティング サブネットのアドレス プレフィックスを指定してください。</translation>
    </message>
    <message>
        <source>The firewall policy.</source>
        <translation>ファイアウォール ポリシー。</translation>
    </message>
    <message>
        <source>Network rules with destination FQDNs need DNS proxy on the policy:</source>
        <translation>送信先 FQDN を指定したネットワーク規則には、ポリシーの DNS プロキシが必要です:</translation>
    </message>
    <message>
        <source>The rule collection group (created, or replaced, without collections).</source>
        <translation>規則コレクション グループ (コレクションなしで作成、または置き換え)。</translation>
    </message>
    <message numerus="yes">
        <source>Collection %1 (priority %2): %n rule(s).</source>
        <translation>
            <numerusform>コレクション %1 (優先度 %2): %n 個の規則。</numerusform>
        </translation>
    </message>
    <message>
        <source>The route table for the compute subnet.</source>
        <translation>コンピューティング サブネットのルート テーブル。</translation>
    </message>
    <message>
        <source>Routes in the compute subnet&apos;s existing route table.</source>
        <translation>コンピューティング サブネットの既存のルート テーブル内のルート。</translation>
    </message>
    <message numerus="yes">
        <source>%n address prefix(es) from %1 (%2).</source>
        <translation>
            <numerusform>%1 (%2) の %n 個のアドレス プレフィックス。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is empty: no routes to %2.</source>
        <translation>%1 が空です。%2 へのルートは作成されません。</translation>
    </message>
    <message>
        <source>Everything else through the firewall.</source>
        <translation>その他のトラフィックはすべてファイアウォール経由。</translation>
    </message>
</context>
<context>
    <name>amlfw::AzureFirewall</name>
    <message>
        <source>Inbound (network security group)</source>
        <translation>受信 (ネットワーク セキュリティ グループ)</translation>
    </message>
    <message>
        <source>Route (next hop: Internet)</source>
        <translation>ルート (ネクスト ホップの種類: インターネット)</translation>
    </message>
    <message>
        <source>Network rule (service tag)</source>
        <translation>ネットワーク規則 (サービス タグ)</translation>
    </message>
    <message>
        <source>Network rule (FQDN, DNS proxy)</source>
        <translation>ネットワーク規則 (FQDN、DNS プロキシ)</translation>
    </message>
    <message>
        <source>Application rule</source>
        <translation>アプリケーション規則</translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall</source>
        <translation>Azure Firewall では表現できません</translation>
    </message>
    <message>
        <source>Application rule (%1)</source>
        <translation>アプリケーション規則 (%1)</translation>
    </message>
    <message>
        <source>Network rule (FQDN, DNS proxy; %1)</source>
        <translation>ネットワーク規則 (FQDN、DNS プロキシ、%1)</translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall (%1)</source>
        <translation>Azure Firewall では表現できません (%1)</translation>
    </message>
    <message>
        <source>Azure Firewall application rules carry only Http and Https, so %1 on port(s) %2 needs a network rule with a destination FQDN. Network rules match FQDNs only when the firewall policy&apos;s DNS proxy is enabled and clients use the firewall for DNS.</source>
        <translation>Azure Firewall のアプリケーション規則は Http と Https しか扱えないため、ポート %2 の %1 には送信先 FQDN を指定したネットワーク規則が必要です。ネットワーク規則が FQDN と一致するのは、ファイアウォール ポリシーの DNS プロキシが有効で、クライアントがファイアウォールを DNS に使用する場合だけです。</translation>
    </message>
    <message>
        <source>Azure Firewall Standard matches host names only: this rule allows all of %1, not just %2. To limit it to the path, use Azure Firewall Premium with TLS inspection and a target URL.</source>
        <translation>Azure Firewall Standard が照合するのはホスト名だけです。この規則は %2 だけでなく %1 全体を許可します。パスに限定するには、TLS インスペクションとターゲット URL を使用した Azure Firewall Premium を使用してください。</translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on port(s) %2: application rules take only Http/Https, and network rules take no wildcard FQDNs. Alternative: a network rule to the %3 service tag on those ports.</source>
        <translation>Azure Firewall では、ポート %2 の %1 を表現できません。アプリケーション規則は Http/Https だけを扱い、ネットワーク規則にはワイルドカードの FQDN を指定できません。代替: これらのポートでサービス タグ %3 へのネットワーク規則を使用します。</translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on port(s) %2: application rules take only Http/Https, and network rules take no wildcard FQDNs. Alternative: allow the concrete host names, or the IP addresses of the service, on those ports.</source>
        <translation>Azure Firewall では、ポート %2 の %1 を表現できません。アプリケーション規則は Http/Https だけを扱い、ネットワーク規則にはワイルドカードの FQDN を指定できません。代替: これらのポートで具体的なホスト名、またはサービスの IP アドレスを許可します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service tag that Azure knows. Alternative: check the tag name against the &quot;Azure IP Ranges and Service Tags&quot; file, or allow the addresses it lists.</source>
        <translation>「%1」は Azure に存在するサービス タグではありません。代替: 「Azure IP Ranges and Service Tags」ファイルでタグ名を確認するか、ファイルに記載されたアドレスを許可します。</translation>
    </message>
    <message>
        <source>The service tag &quot;%1&quot; does not exist in this cloud. Alternative: allow the service&apos;s addresses from the cloud&apos;s &quot;Azure IP Ranges and Service Tags&quot; file.</source>
        <translation>サービス タグ「%1」はこのクラウドには存在しません。代替: クラウドの「Azure IP Ranges and Service Tags」ファイルにあるサービスのアドレスを許可します。</translation>
    </message>
    <message>
        <source>Managed network outbound rule</source>
        <translation>マネージド ネットワークの送信規則</translation>
    </message>
    <message>
        <source>Network rule (FQDN, DNS proxy; %1 %2)</source>
        <translation>ネットワーク規則 (FQDN、DNS プロキシ、%1 %2)</translation>
    </message>
    <message>
        <source>Network rule (service tag; %1)</source>
        <translation>ネットワーク規則 (サービス タグ、%1)</translation>
    </message>
    <message>
        <source>the workspace&apos;s container registry name (amlfw --acr NAME, or the wizard&apos;s container registry field)</source>
        <translation>ワークスペースのコンテナー レジストリ名 (amlfw --acr NAME、またはウィザードのコンテナー レジストリ欄)</translation>
    </message>
    <message>
        <source>the workspace ID (amlfw --workspace-id GUID, or the wizard&apos;s workspace ID field)</source>
        <translation>ワークスペース ID (amlfw --workspace-id GUID、またはウィザードのワークスペース ID 欄)</translation>
    </message>
    <message>
        <source>%1 still holds the placeholder &lt;%2&gt;: give %3 to fill it.</source>
        <translation>%1 にはまだプレースホルダー &lt;%2&gt; が残っています。%3 を指定すると埋まります。</translation>
    </message>
    <message>
        <source>Managed network outbound rule (%1)</source>
        <translation>マネージド ネットワークの送信規則 (%1)</translation>
    </message>
    <message>
        <source>Azure Firewall application rules carry only HTTP and HTTPS over TCP, so %1 (%2, port(s) %3) needs a network rule with protocol %2 and a destination FQDN. Network rules match FQDNs only when the firewall policy&apos;s DNS proxy is enabled and clients use the firewall for DNS.</source>
        <translation>Azure Firewall のアプリケーション規則が扱うのは TCP 上の HTTP と HTTPS だけなので、%1 (%2、ポート %3) にはプロトコル %2 と宛先 FQDN のネットワーク規則が必要です。ネットワーク規則が FQDN に一致するのは、ファイアウォール ポリシーの DNS プロキシが有効で、クライアントがファイアウォールを DNS に使う場合だけです。</translation>
    </message>
    <message>
        <source>The article allows %1 on any protocol, port(s) %2. Azure Firewall takes a wildcard only in an application rule, which carries TCP (HTTP/HTTPS) alone: UDP and other protocols to %1 are not covered by it. The %3 service tag covers them: a network rule to it with protocol Any on port(s) %2.</source>
        <translation>記事は %1 をすべてのプロトコル、ポート %2 で許可しています。Azure Firewall がワイルドカードを受け付けるのはアプリケーション規則だけで、それが扱うのは TCP (HTTP/HTTPS) だけです。%1 への UDP などのプロトコルはその規則では許可されません。それらは %3 サービス タグで許可できます: ポート %2、プロトコル Any のネットワーク規則です。</translation>
    </message>
    <message>
        <source>The article allows %1 on any protocol, port(s) %2. Azure Firewall takes a wildcard only in an application rule, which carries TCP (HTTP/HTTPS) alone: UDP and other protocols to %1 are not covered by it. To cover them, allow the service&apos;s IP addresses in a network rule with protocol Any.</source>
        <translation>記事は %1 をすべてのプロトコル、ポート %2 で許可しています。Azure Firewall がワイルドカードを受け付けるのはアプリケーション規則だけで、それが扱うのは TCP (HTTP/HTTPS) だけです。%1 への UDP などのプロトコルはその規則では許可されません。許可するには、サービスの IP アドレスをプロトコル Any のネットワーク規則で許可してください。</translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on UDP port(s) %2: application rules carry only HTTP and HTTPS over TCP, and network rules take no wildcard FQDNs. Alternative: a network rule to the %3 service tag with protocol UDP on those ports.</source>
        <translation>Azure Firewall では UDP ポート %2 の %1 を表現できません。アプリケーション規則が扱うのは TCP 上の HTTP と HTTPS だけで、ネットワーク規則はワイルドカードの FQDN を受け付けません。代替策: %3 サービス タグへの、それらのポートでプロトコル UDP のネットワーク規則。</translation>
    </message>
    <message>
        <source>Azure Firewall cannot express %1 on UDP port(s) %2: application rules carry only HTTP and HTTPS over TCP, and network rules take no wildcard FQDNs. Alternative: allow the concrete host names, or the IP addresses of the service, with protocol UDP on those ports.</source>
        <translation>Azure Firewall では UDP ポート %2 の %1 を表現できません。アプリケーション規則が扱うのは TCP 上の HTTP と HTTPS だけで、ネットワーク規則はワイルドカードの FQDN を受け付けません。代替策: 具体的なホスト名、またはサービスの IP アドレスを、それらのポートでプロトコル UDP で許可してください。</translation>
    </message>
</context>
<context>
    <name>amlfw::Catalog</name>
    <message>
        <source>invalid condition &quot;%1&quot;: %2</source>
        <translation>条件「%1」が正しくありません: %2</translation>
    </message>
    <message>
        <source>unknown feature id &quot;%1&quot;</source>
        <translation>不明な機能 ID「%1」</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id (lower-case letters, digits and hyphens)</source>
        <translation>「%1」は ID として使用できません (英小文字、数字、ハイフン)</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot;</source>
        <translation>ID「%1」が重複しています</translation>
    </message>
    <message>
        <source>unknown placeholder &lt;%1&gt; (known: %2)</source>
        <translation>不明なプレースホルダー &lt;%1&gt; (使用できるもの: %2)</translation>
    </message>
    <message>
        <source>unknown cloud &quot;%1&quot;</source>
        <translation>不明なクラウド「%1」</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service tag name</source>
        <translation>「%1」はサービス タグ名ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name</source>
        <translation>「%1」はホスト名ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name followed by a path</source>
        <translation>「%1」はホスト名とパスの形式ではありません</translation>
    </message>
    <message>
        <source>cannot open the catalog file: %1</source>
        <translation>カタログ ファイルを開けません: %1</translation>
    </message>
    <message>
        <source>the catalog file is too large (%1 bytes; at most %2)</source>
        <translation>カタログ ファイルが大きすぎます (%1 バイト。上限は %2)</translation>
    </message>
    <message>
        <source>the catalog is too large (%1 bytes; at most %2)</source>
        <translation>カタログが大きすぎます (%1 バイト。上限は %2)</translation>
    </message>
    <message>
        <source>the catalog must be a JSON object</source>
        <translation>カタログは JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>missing format version (this amlfw reads format %1)</source>
        <translation>形式のバージョンがありません (この amlfw が読み込めるのは形式 %1 です)</translation>
    </message>
    <message>
        <source>unsupported format version %1 (this amlfw reads format %2)</source>
        <translation>形式のバージョン %1 はサポートされていません (この amlfw が読み込めるのは形式 %2 です)</translation>
    </message>
    <message>
        <source>missing (the article this catalog comes from)</source>
        <translation>ありません (このカタログの元になる記事)</translation>
    </message>
    <message>
        <source>no cloud defined</source>
        <translation>クラウドが定義されていません</translation>
    </message>
    <message>
        <source>unknown feature group &quot;%1&quot;</source>
        <translation>不明な機能グループ「%1」</translation>
    </message>
    <message>
        <source>unknown section &quot;%1&quot;</source>
        <translation>不明なセクション「%1」</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a view (azure-firewall or other-firewalls)</source>
        <translation>「%1」はビューではありません (azure-firewall または other-firewalls)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port</source>
        <translation>「%1」はポートではありません</translation>
    </message>
    <message>
        <source>duplicate service tag &quot;%1&quot;</source>
        <translation>サービス タグ「%1」が重複しています</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a severity (info or warning)</source>
        <translation>「%1」は重大度ではありません (info または warning)</translation>
    </message>
    <message>
        <source>must be a positive whole number</source>
        <translation>正の整数である必要があります</translation>
    </message>
    <message>
        <source>missing (an object with the regions of each cloud)</source>
        <translation>ありません (クラウドごとのリージョンを持つオブジェクト)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name (lower-case letters and digits)</source>
        <translation>「%1」はリージョン名ではありません (英小文字と数字)</translation>
    </message>
    <message>
        <source>duplicate region &quot;%1&quot;</source>
        <translation>リージョン「%1」が重複しています</translation>
    </message>
    <message>
        <source>unknown geography &quot;%1&quot;</source>
        <translation>不明な地域「%1」</translation>
    </message>
    <message>
        <source>paired region &quot;%1&quot; is not another region of this cloud</source>
        <translation>ペア リージョン「%1」は、このクラウドの別のリージョンではありません</translation>
    </message>
    <message>
        <source>no region for cloud &quot;%1&quot;</source>
        <translation>クラウド「%1」のリージョンがありません</translation>
    </message>
    <message>
        <source>must name at least one cloud</source>
        <translation>少なくとも 1 つのクラウドを指定する必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a direction (inbound or outbound)</source>
        <translation>「%1」は方向ではありません (inbound または outbound)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port or port range (1-65535, such as 443 or 29876-29877)</source>
        <translation>「%1」はポートでもポート範囲でもありません (1 ～ 65535。443 や 29876-29877 など)</translation>
    </message>
    <message>
        <source>must list at least one port</source>
        <translation>少なくとも 1 つのポートを指定する必要があります</translation>
    </message>
    <message>
        <source>port &quot;%1&quot; is not one of the rule&apos;s ports</source>
        <translation>ポート「%1」は規則のポートに含まれていません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method (service-tags or ip-ranges)</source>
        <translation>「%1」はルートの方式ではありません (service-tags または ip-ranges)</translation>
    </message>
    <message>
        <source>only routes have a route method</source>
        <translation>ルートの方式を指定できるのはルートだけです</translation>
    </message>
    <message>
        <source>unknown table &quot;%1&quot;</source>
        <translation>不明な表「%1」</translation>
    </message>
    <message>
        <source>unknown note &quot;%1&quot;</source>
        <translation>不明な注記「%1」</translation>
    </message>
    <message>
        <source>unknown service tag &quot;%1&quot;</source>
        <translation>不明なサービス タグ「%1」</translation>
    </message>
    <message>
        <source>no rule defined</source>
        <translation>規則が定義されていません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network (customer or managed)</source>
        <translation>「%1」はネットワークの種類ではありません (customer または managed)</translation>
    </message>
    <message>
        <source>must contain &quot;customer&quot;</source>
        <translation>「customer」を含める必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a feature of this catalog; map only other ids</source>
        <translation>「%1」はこのカタログの機能です。対応付けるのは他の ID だけにしてください</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind (service-tag, fqdn, url, route or private-endpoint)</source>
        <translation>「%1」は種類ではありません (service-tag、fqdn、url、route、private-endpoint)</translation>
    </message>
    <message>
        <source>the catalog&apos;s &quot;networks&quot; do not list &quot;%1&quot;</source>
        <translation>カタログの「networks」に「%1」がありません</translation>
    </message>
    <message>
        <source>only rules of a managed network are automatic</source>
        <translation>自動で追加されるのはマネージド ネットワークの規則だけです</translation>
    </message>
    <message>
        <source>private endpoints belong to a managed network</source>
        <translation>プライベート エンドポイントの規則はマネージド ネットワークにのみ属します</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol (TCP, UDP or ANY)</source>
        <translation>「%1」はプロトコルではありません (TCP、UDP、ANY)</translation>
    </message>
    <message>
        <source>a route or private endpoint has no protocol</source>
        <translation>ルートとプライベート エンドポイントにはプロトコルがありません</translation>
    </message>
    <message>
        <source>a route or private endpoint has no ports</source>
        <translation>ルートとプライベート エンドポイントにはポートがありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a private endpoint (resource:subresource)</source>
        <translation>「%1」はプライベート エンドポイントではありません (リソース:サブリソース)</translation>
    </message>
</context>
<context>
    <name>amlfw::CheckCommand</name>
    <message>
        <source>STATUS</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>ENDPOINT</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Testing: %1 of %2 done, %3 failed, %4 in progress (Ctrl+C stops)</source>
        <translation>テスト中: %2 件中 %1 件完了、失敗 %3 件、実行中 %4 件 (Ctrl+C で中止)</translation>
    </message>
    <message>
        <source>Test every endpoint live from this machine (DNS, TCP, TLS, HTTP).</source>
        <translation>すべてのエンドポイントをこのコンピューターから実際にテストします (DNS、TCP、TLS、HTTP)。</translation>
    </message>
    <message>
        <source>Write the report to this file (&quot;-&quot; for standard output); the live table stays on the terminal.</source>
        <translation>レポートをこのファイルに書き込みます (&quot;-&quot; は標準出力)。進行中の表はターミナルに表示されたままです。</translation>
    </message>
    <message>
        <source>Timeout of each stage in milliseconds, or per stage: dns=3000,tcp=5000,tls=5000,http=10000 (the defaults).</source>
        <translation>各段階のタイムアウト (ミリ秒)。段階ごとにも指定できます: dns=3000,tcp=5000,tls=5000,http=10000 (既定値)。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file (such as your TLS inspection&apos;s CA).</source>
        <translation>この PEM ファイルの CA 証明書も信頼します (TLS インスペクションの CA など)。</translation>
    </message>
    <message>
        <source>Test HOST for a wildcard or service tag destination, such as &apos;*.vault.azure.net=myvault.vault.azure.net&apos; (repeatable).</source>
        <translation>ワイルドカードまたはサービス タグの送信先の代わりに HOST をテストします。例: &apos;*.vault.azure.net=myvault.vault.azure.net&apos; (複数指定可)。</translation>
    </message>
    <message>
        <source>Use these addresses for HOST on PORT instead of asking DNS, as curl does; * for any port (repeatable).</source>
        <translation>curl と同じく、PORT の HOST には DNS に問い合わせずにこれらのアドレスを使います。* はすべてのポート (複数指定可)。</translation>
    </message>
    <message>
        <source>Connect to HOST2:PORT2 instead of HOST:PORT, as curl does; TLS and HTTP still name HOST. Empty parts match any host or port (repeatable).</source>
        <translation>curl と同じく、HOST:PORT の代わりに HOST2:PORT2 に接続します。TLS と HTTP では HOST の名前を使います。空の部分はすべてのホストまたはポートに一致します (複数指定可)。</translation>
    </message>
    <message>
        <source>A JSON report of an earlier run: show what changed since.</source>
        <translation>以前の実行の JSON レポート。それ以降に変わった点を示します。</translation>
    </message>
    <message>
        <source>stopped: endpoints not tested are marked CANCELLED.</source>
        <translation>中止しました。テストされなかったエンドポイントは CANCELLED になります。</translation>
    </message>
    <message>
        <source>wrote %1.</source>
        <translation>%1 を書き込みました。</translation>
    </message>
    <message>
        <source>Endpoints tested at once, 1 to %1, or auto (the default: every endpoint at once, up to %2).</source>
        <translation>同時にテストするエンドポイントの数。1 から %1、または auto (既定: すべてのエンドポイントを同時に、最大 %2)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither auto nor a number from 1 to %2: --concurrency takes how many endpoints are tested at once.</source>
        <translation>&quot;%1&quot; は auto でも 1 から %2 の数でもありません: --concurrency には同時にテストするエンドポイントの数を指定します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a paper of --paper: use a4 or letter.</source>
        <translation>&quot;%1&quot; は --paper の用紙ではありません。a4 または letter を指定してください。</translation>
    </message>
    <message>
        <source>--format pdf writes a file: give --output FILE.</source>
        <translation>--format pdf はファイルに書き出します。--output FILE を指定してください。</translation>
    </message>
    <message>
        <source>--format pdf: write it as &quot;--format pdf&quot; or &quot;--format=pdf&quot;.</source>
        <translation>--format pdf: &quot;--format pdf&quot; または &quot;--format=pdf&quot; と指定してください。</translation>
    </message>
    <message>
        <source>Output format: table (default), json, csv, html or pdf (the HTML report printed, needs --output).</source>
        <translation>出力形式: table (既定)、json、csv、html、pdf (HTML レポートを印刷したもの。--output が必要)。</translation>
    </message>
    <message>
        <source>Paper of --format pdf: a4 or letter (default: the one of this computer&apos;s country).</source>
        <translation>--format pdf の用紙: a4 または letter (既定: このコンピューターの国で使われる用紙)。</translation>
    </message>
    <message>
        <source>How web traffic goes out: none (direct), system (the system&apos;s proxy setting, default), http://[user:password@]host:port, or pac:FILE_OR_URL (a proxy auto-configuration script).</source>
        <translation>Web トラフィックの出し方: none (直接)、system (システムのプロキシ設定、既定)、http://[ユーザー:パスワード@]ホスト:ポート、または pac:ファイルまたは URL (プロキシ自動構成スクリプト)。</translation>
    </message>
    <message>
        <source>Run on a simulated network inside amlfw (loopback only, every status shown once), for demonstrations without the real network; every output says DEMO.</source>
        <translation>amlfw 内の模擬ネットワーク (ループバックのみ、すべての状態を 1 回ずつ表示) でテストします。実際のネットワークなしでデモを行うためのもので、すべての出力に DEMO と表示されます。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;check&quot;: use table, json, csv, html or pdf.</source>
        <translation>&quot;%1&quot; は &quot;check&quot; の形式ではありません。table、json、csv、html、pdf のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>%1 is a report of the demo network: a real run is not compared with simulated results.</source>
        <translation>%1 はデモ ネットワークのレポートです。実際のテストを模擬の結果と比較することはしません。</translation>
    </message>
    <message>
        <source>%1 is a report of a real network: a demo run is not compared with it.</source>
        <translation>%1 は実際のネットワークのレポートです。デモのテストをこれと比較することはしません。</translation>
    </message>
    <message>
        <source>warning: the baseline %1 tested another scenario (%2): changes may come from that, not from the firewall.</source>
        <translation>警告: 比較対象 %1 は別のシナリオをテストしたものです (%2)。変化はファイアウォールではなく、シナリオの違いによる可能性があります。</translation>
    </message>
    <message>
        <source>(same endpoint as rule %1) </source>
        <translation>(規則 %1 と同じエンドポイント) </translation>
    </message>
    <message>
        <source>Threads the TLS handshakes are spread over, 1 to %1, or auto (the default: one per %2 endpoints, up to the processor&apos;s cores).</source>
        <translation>TLS ハンドシェイクを分担するスレッドの数。1 から %1、または auto (既定: エンドポイント %2 個ごとに 1 つ、プロセッサのコア数まで)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither auto nor a number from 1 to %2: --threads takes how many threads the handshakes are spread over.</source>
        <translation>&quot;%1&quot; は auto でも 1 から %2 の数でもありません: --threads にはハンドシェイクを分担するスレッドの数を指定します。</translation>
    </message>
</context>
<context>
    <name>amlfw::Cli</name>
    <message>
        <source>Language of the output and messages: en or ja.</source>
        <translation>出力とメッセージの言語: en または ja。</translation>
    </message>
    <message>
        <source>Output format: %1.</source>
        <translation>出力形式: %1。</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Cloud: public, usgov or china.</source>
        <translation>クラウド: public、usgov、china のいずれか。</translation>
    </message>
    <message>
        <source>Region of the workspace, such as japaneast.</source>
        <translation>ワークスペースのリージョン (japaneast など)。</translation>
    </message>
    <message>
        <source>Name of the workspace&apos;s default storage account.</source>
        <translation>ワークスペースの既定のストレージ アカウント名。</translation>
    </message>
    <message>
        <source>Comma-separated feature ids (&quot;amlfw features&quot; lists them); &quot;&quot; for none.</source>
        <translation>機能 ID のコンマ区切りの一覧 (「amlfw features」で一覧表示)。なしの場合は &quot;&quot;。</translation>
    </message>
    <message>
        <source>Select every feature.</source>
        <translation>すべての機能を選択します。</translation>
    </message>
    <message>
        <source>How the inbound routes are written: service-tags (default) or ip-ranges.</source>
        <translation>受信のルートの記述方法: service-tags (既定) または ip-ranges。</translation>
    </message>
    <message>
        <source>Read answers from a profile file; flags override it.</source>
        <translation>プロファイル ファイルから回答を読み込みます。フラグで上書きできます。</translation>
    </message>
    <message>
        <source>Use this rule catalog instead of the built-in one.</source>
        <translation>組み込みのカタログの代わりに、この規則カタログを使用します。</translation>
    </message>
    <message>
        <source>use either --features or --all-features, not both.</source>
        <translation>--features と --all-features はどちらか一方だけを指定してください。</translation>
    </message>
    <message>
        <source>choose the features with --features a,b,c or --all-features (--features &quot;&quot; for none).</source>
        <translation>--features a,b,c または --all-features で機能を選択してください (なしの場合は --features &quot;&quot;)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method: use service-tags or ip-ranges.</source>
        <translation>「%1」はルートの方式ではありません。service-tags または ip-ranges を指定してください。</translation>
    </message>
    <message>
        <source>Usage: amlfw &lt;command&gt; [options]</source>
        <translation>使用法: amlfw &lt;コマンド&gt; [オプション]</translation>
    </message>
    <message>
        <source>Firewall rules for an Azure Machine Learning workspace in a virtual network.</source>
        <translation>仮想ネットワーク内の Azure Machine Learning ワークスペース用のファイアウォールの規則。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>Show the rules a scenario needs.</source>
        <translation>シナリオに必要な規則を表示します。</translation>
    </message>
    <message>
        <source>List the feature ids.</source>
        <translation>機能 ID を一覧表示します。</translation>
    </message>
    <message>
        <source>List the regions of a cloud.</source>
        <translation>クラウドのリージョンを一覧表示します。</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>オプション:</translation>
    </message>
    <message>
        <source>Show help; &quot;amlfw &lt;command&gt; --help&quot; for a command.</source>
        <translation>ヘルプを表示します。コマンドのヘルプは「amlfw &lt;コマンド&gt; --help」。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>バージョンを表示します。</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>例:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language: use en or ja.</source>
        <translation>「%1」は言語ではありません。en または ja を指定してください。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>For table and markdown: firewall (Azure Firewall, default), hosts (other firewalls) or all.</source>
        <translation>table と markdown の場合: firewall (Azure Firewall、既定)、hosts (その他のファイアウォール)、all のいずれか。</translation>
    </message>
    <message>
        <source>File to write (&quot;-&quot; for standard output).</source>
        <translation>書き出すファイル (標準出力の場合は &quot;-&quot;)。</translation>
    </message>
    <message>
        <source>CSV: no UTF-8 byte order mark.</source>
        <translation>CSV: UTF-8 のバイト オーダー マークを付けません。</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; &quot;amlfw --help&quot; lists the commands.</source>
        <translation>不明なコマンド「%1」です。コマンドの一覧は「amlfw --help」で表示できます。</translation>
    </message>
    <message>
        <source>(&quot;amlfw %1 --help&quot; shows the options.)</source>
        <translation>(オプションは「amlfw %1 --help」で表示できます。)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;.</source>
        <translation>予期しない引数「%1」です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a view: use firewall, hosts or all.</source>
        <translation>「%1」はビューではありません。firewall、hosts、all のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;rules&quot;: use table, csv, json or markdown.</source>
        <translation>「%1」は「rules」の形式ではありません。table、csv、json、markdown のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>name the file to write with --output FILE.</source>
        <translation>--output FILE で書き出すファイルを指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a policy mode: use new or existing.</source>
        <translation>「%1」はポリシーのモードではありません。new または existing を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number: --rcg-priority takes 100 to 65000.</source>
        <translation>「%1」は数値ではありません。--rcg-priority には 100 ～ 65000 を指定します。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tier: use standard or premium.</source>
        <translation>「%1」はレベルではありません。standard または premium を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route table mode: use new, existing or none.</source>
        <translation>「%1」はルート テーブルのモードではありません。new、existing、none のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Includes: %1</source>
        <translation>含まれる機能: %1</translation>
    </message>
    <message>
        <source>choose the cloud with --cloud %1.</source>
        <translation>--cloud %1 でクラウドを選択してください。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Azure ML</source>
        <translation>Azure ML</translation>
    </message>
    <message>
        <source>Paired region</source>
        <translation>ペアになっているリージョン</translation>
    </message>
    <message>
        <source>Geography</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>A device or named pipe is written to directly; a symbolic link keeps pointing to its target, which is replaced.</source>
        <translation>デバイスや名前付きパイプには直接書き込みます。シンボリックリンクはリンクのまま残り、リンク先のファイルが置き換わります。</translation>
    </message>
    <message numerus="yes">
        <source>the rule catalog cannot be used (%n problem(s)).</source>
        <translation>
            <numerusform>規則カタログを使用できません (問題 %n 件)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %1 (%n rule(s)).</source>
        <translation>
            <numerusform>%1 を書き出しました (規則 %n 件)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Edition of the article the rules follow: %1 (default: the newest, %2).</source>
        <translation>規則の基になる記事の版: %1 (既定: 最新の %2)。</translation>
    </message>
    <message>
        <source>Name of the workspace&apos;s container registry (for &lt;acr&gt;; optional).</source>
        <translation>ワークスペースのコンテナー レジストリの名前 (&lt;acr&gt; 用、省略可能)。</translation>
    </message>
    <message>
        <source>The workspace ID, a GUID (for &lt;workspace-id&gt;; optional).</source>
        <translation>ワークスペース ID (GUID、&lt;workspace-id&gt; 用、省略可能)。</translation>
    </message>
    <message>
        <source>customer (default): your own firewall; managed: the outbound rules of the workspace&apos;s managed virtual network.</source>
        <translation>customer (既定): お客様のファイアウォール。managed: ワークスペースのマネージド仮想ネットワークの送信規則。</translation>
    </message>
    <message>
        <source>note: the profile %1 names no edition: it was made for the 2021-11 edition and is read so (--edition chooses another).</source>
        <translation>注: プロファイル %1 には版の指定がありません。2021-11 版用に作成されたものとして読み込みます (別の版は --edition で選択できます)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an edition: use %2.</source>
        <translation>「%1」は版ではありません。%2 を指定してください。</translation>
    </message>
    <message>
        <source>the catalog %1 is the %2 edition, not %3.</source>
        <translation>カタログ %1 は %3 版ではなく %2 版です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network: use customer or managed.</source>
        <translation>「%1」はネットワークの種類ではありません。customer または managed を指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an edition (%2) nor a catalog file.</source>
        <translation>「%1」は版 (%2) でもカタログ ファイルでもありません。</translation>
    </message>
    <message>
        <source>Show what changed between two editions of the article for a scenario.</source>
        <translation>シナリオについて、記事の 2 つの版の間で変わった点を表示します。</translation>
    </message>
    <message>
        <source>The older edition, or a catalog file (default: %1).</source>
        <translation>古い方の版、またはカタログ ファイル (既定: %1)。</translation>
    </message>
    <message>
        <source>The newer edition, or a catalog file (default: the newest, %1).</source>
        <translation>新しい方の版、またはカタログ ファイル (既定: 最新の %1)。</translation>
    </message>
    <message>
        <source>File to write (&quot;-&quot; for standard output, the default).</source>
        <translation>書き込むファイル (既定の「-」は標準出力)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;diff&quot;: use table, json, csv or markdown.</source>
        <translation>「%1」は「diff」の形式ではありません。table、json、csv、markdown のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>&quot;diff&quot; compares two editions: name them with --from and --to.</source>
        <translation>「diff」は 2 つの版を比較します。版は --from と --to で指定してください。</translation>
    </message>
    <message>
        <source>the %1 edition knows no managed virtual network: --network managed compares only editions that have one, such as %2.</source>
        <translation>%1 版にはマネージド仮想ネットワークがありません。--network managed で比較できるのは、マネージド仮想ネットワークがある版 (%2 など) だけです。</translation>
    </message>
    <message>
        <source>Changes from the %1 edition (%2) to the %3 edition (%4)</source>
        <translation>%1 版 (%2) から %3 版 (%4) への変更点</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed, %4 unchanged.</source>
        <translation>追加 %1、削除 %2、変更 %3、変更なし %4。</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Required for</source>
        <translation>次のために必須</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
    <message>
        <source>Sections (%1)</source>
        <translation>セクション (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>ありません。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>変更された項目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <source>Rule (%1)</source>
        <translation>規則 (%1)</translation>
    </message>
    <message>
        <source>Scenario: %1, %2, storage account %3; features: %4.</source>
        <translation>シナリオ: %1、%2、ストレージ アカウント %3、機能: %4。</translation>
    </message>
    <message>
        <source>Scenario: %1, %2, storage account %3; features: %4 (%5), %6 (%7).</source>
        <translation>シナリオ: %1、%2、ストレージ アカウント %3、機能: %4 (%5)、%6 (%7)。</translation>
    </message>
    <message>
        <source>Features of the %1 edition (article of %2):</source>
        <translation>%1 版の機能 (%2 付けの記事):</translation>
    </message>
    <message>
        <source>Features of other editions, and their nearest here:</source>
        <translation>他の版の機能と、この版で最も近い機能:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <source>profile %1, field &quot;%2&quot;</source>
        <translation>プロファイル %1 の項目「%2」</translation>
    </message>
    <message>
        <source>An &quot;Azure IP Ranges and Service Tags&quot; file (ServiceTags_Public_YYYYMMDD.json, the Government or China file, or the output of az network list-service-tags): service tags are expanded to their address prefixes.</source>
        <translation>「Azure IP Ranges and Service Tags」ファイル (ServiceTags_Public_YYYYMMDD.json、Government または China のファイル、または az network list-service-tags の出力): サービス タグをそのアドレス プレフィックスに展開します。</translation>
    </message>
    <message>
        <source>Write the change as a template, script, workbook or list (see --format).</source>
        <translation>変更をテンプレート、スクリプト、ブック、または一覧として書き出します (--format を参照)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: create a new firewall policy (new, default) or add to an existing one (existing).</source>
        <translation>ARM、Terraform、az CLI: ファイアウォール ポリシーを新しく作成する (new、既定) か、既存のポリシーに追加する (existing) か。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: firewall policy name (default fwpol-aml).</source>
        <translation>ARM、Terraform、az CLI: ファイアウォール ポリシーの名前 (既定: fwpol-aml)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: rule collection group name (default AzureML).</source>
        <translation>ARM、Terraform、az CLI: 規則コレクション グループの名前 (既定: AzureML)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: rule collection group priority, 100-65000 (default 500).</source>
        <translation>ARM、Terraform、az CLI: 規則コレクション グループの優先度、100 から 65000 (既定: 500)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI, CSV, XLSX: address prefixes of the AML compute subnet, comma-separated.</source>
        <translation>ARM、Terraform、az CLI、CSV、XLSX: Azure Machine Learning のコンピューティング サブネットのアドレス プレフィックス (コンマ区切り)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: location of new resources (default: the resource group&apos;s).</source>
        <translation>ARM、Terraform、az CLI: 新しいリソースの場所 (既定: リソース グループの場所)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: firewall policy tier, standard (default) or premium.</source>
        <translation>ARM、Terraform、az CLI: ファイアウォール ポリシーのレベル、standard (既定) または premium。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: routes in a new route table (default), an existing one, or none.</source>
        <translation>ARM、Terraform、az CLI: ルートを新しいルート テーブル (既定) に入れるか、既存のルート テーブルに入れるか、入れないか (none)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: route table name (default rt-aml-compute).</source>
        <translation>ARM、Terraform、az CLI: ルート テーブルの名前 (既定: rt-aml-compute)。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: the firewall&apos;s private IP; adds a default route through it to a new route table.</source>
        <translation>ARM、Terraform、az CLI: ファイアウォールのプライベート IP。新しいルート テーブルに、これを経由する既定のルートを追加します。</translation>
    </message>
    <message>
        <source>ARM, Terraform, az CLI: leave out the service-tag rules that stand in for what Azure Firewall cannot express.</source>
        <translation>ARM、Terraform、az CLI: Azure Firewall で表現できないものの代わりとなるサービス タグの規則を含めません。</translation>
    </message>
    <message>
        <source>CSV, XLSX: purposes in English and Japanese.</source>
        <translation>CSV、XLSX: 目的を英語と日本語で書きます。</translation>
    </message>
    <message>
        <source>fqdn-list: wildcards as *.example.com (star, default) or .example.com (dot).</source>
        <translation>fqdn-list: ワイルドカードを *.example.com (star、既定) または .example.com (dot) の形で書きます。</translation>
    </message>
    <message>
        <source>ip-list: IPv4 prefixes (4), IPv6 prefixes (6) or both (default).</source>
        <translation>ip-list: IPv4 のプレフィックス (4)、IPv6 のプレフィックス (6)、または両方 (既定)。</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>形式:</translation>
    </message>
    <message>
        <source>choose the file format with --format: %1.</source>
        <translation>--format でファイル形式を選んでください: %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a format of &quot;export&quot;: use %2.</source>
        <translation>「%1」は「export」の形式ではありません。%2 のいずれかを使用してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a wildcard style: use star or dot.</source>
        <translation>「%1」はワイルドカードの書き方ではありません。star または dot を使用してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP version: use 4, 6 or both.</source>
        <translation>「%1」は IP のバージョンではありません。4、6、または both を使用してください。</translation>
    </message>
    <message>
        <source>an Excel workbook is not for a terminal: name a file with --output FILE.</source>
        <translation>Excel ブックは端末には出力できません。--output FILE でファイルを指定してください。</translation>
    </message>
</context>
<context>
    <name>amlfw::CloudPage</name>
    <message>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <source>Which cloud is the workspace in?</source>
        <translation>ワークスペースはどのクラウドにありますか?</translation>
    </message>
    <message>
        <source>Host names and service tags differ between the clouds.</source>
        <translation>ホスト名とサービス タグはクラウドによって異なります。</translation>
    </message>
    <message>
        <source>Choose the Azure cloud that hosts the Azure Machine Learning workspace.</source>
        <translation>Azure Machine Learning ワークスペースをホストしている Azure クラウドを選択してください。</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s), %1 of them with Azure Machine Learning · storage host names end in .%2</source>
        <translation>
            <numerusform>リージョン数 %n (うち Azure Machine Learning を提供: %1) · ストレージのホスト名の末尾は .%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Where do the rules go?</source>
        <translation>規則の適用先</translation>
    </message>
    <message>
        <source>My &amp;own firewall / network (customer-managed virtual network)</source>
        <translation>自分のファイアウォール / ネットワーク (お客様が管理する仮想ネットワーク)(&amp;O)</translation>
    </message>
    <message>
        <source>The workspace is in your virtual network and your firewall (Azure Firewall or another) needs the rules; the routes and host tables are for it.</source>
        <translation>ワークスペースはお客様の仮想ネットワーク内にあり、お客様のファイアウォール (Azure Firewall またはその他) に規則が必要です。ルートとホスト表もそのためのものです。</translation>
    </message>
    <message>
        <source>Azure adds the required rules by itself; the rules listed are the outbound rules and private endpoints you add to the workspace&apos;s managed network.</source>
        <translation>必須の規則は Azure が自動で追加します。一覧の規則は、ワークスペースのマネージド ネットワークにお客様が追加する送信規則とプライベート エンドポイントです。</translation>
    </message>
    <message>
        <source>The %1 edition describes only your own firewall.</source>
        <translation>%1 版はお客様自身のファイアウォールだけを扱います。</translation>
    </message>
    <message>
        <source>The %1 edition describes only your own firewall; the %2 edition (first page) knows the managed virtual network.</source>
        <translation>%1 版はお客様自身のファイアウォールだけを扱います。マネージド仮想ネットワークは %2 版 (最初のページで選択) にあります。</translation>
    </message>
    <message>
        <source>My own firewall or network</source>
        <translation>自分のファイアウォールまたはネットワーク</translation>
    </message>
    <message>
        <source>A managed virtual network</source>
        <translation>マネージド仮想ネットワーク</translation>
    </message>
    <message>
        <source>A &amp;managed virtual network (Azure manages the firewall)</source>
        <translation>マネージド仮想ネットワーク (ファイアウォールは Azure が管理)(&amp;M)</translation>
    </message>
</context>
<context>
    <name>amlfw::Condition</name>
    <message>
        <source>unexpected &quot;%1&quot; at position %2</source>
        <translation>位置 %2 に予期しない「%1」があります</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>入れ子が深すぎます</translation>
    </message>
    <message>
        <source>missing &quot;)&quot;</source>
        <translation>「)」がありません</translation>
    </message>
    <message>
        <source>expected a feature id at position %1</source>
        <translation>位置 %1 に機能 ID が必要です</translation>
    </message>
    <message>
        <source>expected a feature id at the end</source>
        <translation>末尾に機能 ID が必要です</translation>
    </message>
    <message>
        <source>too long (more than %1 feature ids)</source>
        <translation>長すぎます (機能 ID は %1 個まで)</translation>
    </message>
</context>
<context>
    <name>amlfw::CsvExporter</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Rule type</source>
        <translation>規則の種類</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>Purpose (English)</source>
        <translation>目的 (英語)</translation>
    </message>
    <message>
        <source>Purpose (Japanese)</source>
        <translation>目的 (日本語)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Article section</source>
        <translation>記事のセクション</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Added by Azure</source>
        <translation>Azure が追加</translation>
    </message>
    <message>
        <source>Answer needed</source>
        <translation>回答が必要</translation>
    </message>
    <message>
        <source>Managed virtual network</source>
        <translation>マネージド仮想ネットワーク</translation>
    </message>
    <message>
        <source>Your network</source>
        <translation>独自のネットワーク</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>not in the file</source>
        <translation>ファイルにありません</translation>
    </message>
    <message numerus="yes">
        <source>… %n more (the JSON export lists them all)</source>
        <translation>
            <numerusform>… ほか %n 個 (JSON のエクスポートにすべてあります)</numerusform>
        </translation>
    </message>
    <message>
        <source>Address prefixes (%1, %2)</source>
        <translation>アドレス プレフィックス (%1、%2)</translation>
    </message>
</context>
<context>
    <name>amlfw::DemoNetwork</name>
    <message>
        <source>Host %1 not found (demo network)</source>
        <translation>ホスト %1 が見つかりません (デモ ネットワーク)</translation>
    </message>
    <message>
        <source>The demo network could not make its certificates.</source>
        <translation>デモ ネットワークの証明書を作成できませんでした。</translation>
    </message>
    <message>
        <source>The demo network could not open a port on 127.0.0.1: %1</source>
        <translation>デモ ネットワークが 127.0.0.1 のポートを開けませんでした: %1</translation>
    </message>
</context>
<context>
    <name>amlfw::EditionChanges</name>
    <message>
        <source>Show chan&amp;ges against %1</source>
        <translation>%1 との違いを表示(&amp;G)</translation>
    </message>
    <message>
        <source>Show chan&amp;ges since %1</source>
        <translation>%1 からの変更を表示(&amp;G)</translation>
    </message>
    <message>
        <source>There is no other edition to compare these rules with.</source>
        <translation>これらの規則と比較できる別の版はありません。</translation>
    </message>
    <message>
        <source>The %1 edition has no managed virtual network: there is nothing to compare.</source>
        <translation>%1 版にはマネージド仮想ネットワークがないため、比較するものがありません。</translation>
    </message>
    <message>
        <source>The rules of the %1 edition cannot be made for these answers: %2</source>
        <translation>この回答では %1 版の規則を作成できません: %2</translation>
    </message>
    <message>
        <source>Changed — %1</source>
        <translation>変更 — %1</translation>
    </message>
    <message>
        <source>Changed in %1 — %2</source>
        <translation>%1 で変更 — %2</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>New in %1</source>
        <translation>%1 で追加</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Not in %1</source>
        <translation>%1 にはありません</translation>
    </message>
    <message>
        <source>Since %1: %2 new, %3 removed, %4 changed.</source>
        <translation>%1 以降: 新規 %2、削除 %3、変更 %4。</translation>
    </message>
    <message>
        <source>In %1: %2 new, %3 removed, %4 changed.</source>
        <translation>%1 では: 新規 %2、削除 %3、変更 %4。</translation>
    </message>
    <message>
        <source>&amp;Removed</source>
        <comment>rules page tab: rules removed since the other edition</comment>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;ew</source>
        <comment>rules page tab: rules new in the other edition</comment>
        <translation>追加(&amp;E)</translation>
    </message>
    <message>
        <source>Removed since %1: the rules the %1 edition of the article has and this one no longer has.</source>
        <translation>%1 以降に削除: 記事の %1 版にあり、この版にはない規則です。</translation>
    </message>
    <message>
        <source>New in %1: the rules the %1 edition of the article adds to this one.</source>
        <translation>%1 で追加: 記事の %1 版で、この版に加わった規則です。</translation>
    </message>
</context>
<context>
    <name>amlfw::ExportPage</name>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>There are no rules to export: %1</source>
        <translation>エクスポートする規則がありません: %1</translation>
    </message>
    <message>
        <source>Correct the options above first.</source>
        <translation>先に上のオプションを修正してください。</translation>
    </message>
    <message>
        <source>Nothing was written. %1</source>
        <translation>ファイルは書き込まれていません。%1</translation>
    </message>
    <message>
        <source>Export the rules</source>
        <translation>規則のエクスポート</translation>
    </message>
    <message>
        <source>The same files as &quot;amlfw export&quot; writes for these answers and options.</source>
        <translation>この回答とオプションで &quot;amlfw export&quot; が書き出すものと同じファイルです。</translation>
    </message>
    <message>
        <source>Choose a format and its options, then export. You can export several formats one after the other.</source>
        <translation>形式とそのオプションを選択してエクスポートします。複数の形式を続けてエクスポートできます。</translation>
    </message>
    <message>
        <source>&amp;Source addresses of the Azure ML compute subnet:</source>
        <translation>Azure ML コンピューティング サブネットの送信元アドレス(&amp;S):</translation>
    </message>
    <message>
        <source>e.g. 10.0.1.0/24 (empty: the template asks at deployment)</source>
        <translation>例: 10.0.1.0/24 (空欄の場合はデプロイ時に入力)</translation>
    </message>
    <message>
        <source>Source addresses</source>
        <translation>送信元アドレス</translation>
    </message>
    <message>
        <source>IP addresses or CIDR ranges of the compute subnet, separated by commas.</source>
        <translation>コンピューティング サブネットの IP アドレスまたは CIDR 範囲 (コンマ区切り)。</translation>
    </message>
    <message>
        <source>Firewall p&amp;olicy:</source>
        <translation>ファイアウォール ポリシー(&amp;O):</translation>
    </message>
    <message>
        <source>Create a new policy</source>
        <translation>新しいポリシーを作成</translation>
    </message>
    <message>
        <source>Add to an existing policy</source>
        <translation>既存のポリシーに追加</translation>
    </message>
    <message>
        <source>Firewall policy</source>
        <translation>ファイアウォール ポリシー</translation>
    </message>
    <message>
        <source>Whether the template creates the firewall policy or adds a rule collection group to an existing one.</source>
        <translation>テンプレートでファイアウォール ポリシーを作成するか、既存のポリシーに規則コレクション グループを追加するか。</translation>
    </message>
    <message>
        <source>Polic&amp;y name:</source>
        <translation>ポリシー名(&amp;Y):</translation>
    </message>
    <message>
        <source>Policy name</source>
        <translation>ポリシー名</translation>
    </message>
    <message>
        <source>Name of the Azure Firewall policy.</source>
        <translation>Azure Firewall ポリシーの名前。</translation>
    </message>
    <message>
        <source>1 to 80 letters, digits, underscores, periods and hyphens.</source>
        <translation>英字、数字、アンダースコア、ピリオド、ハイフンで 1 ～ 80 文字。</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>レベル(&amp;T):</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>Tier of a new firewall policy: Standard or Premium.</source>
        <translation>新しいファイアウォール ポリシーのレベル: Standard または Premium。</translation>
    </message>
    <message>
        <source>Premium can match URL paths with TLS inspection.</source>
        <translation>Premium では TLS 検査で URL のパスまで照合できます。</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>the resource group&apos;s location</source>
        <translation>リソース グループの場所</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Azure location of new resources, such as japaneast; empty for the resource group&apos;s.</source>
        <translation>新しいリソースの Azure の場所 (japaneast など)。空欄の場合はリソース グループの場所。</translation>
    </message>
    <message>
        <source>&amp;Rule collection group:</source>
        <translation>規則コレクション グループ(&amp;R):</translation>
    </message>
    <message>
        <source>Rule collection group name</source>
        <translation>規則コレクション グループ名</translation>
    </message>
    <message>
        <source>Name of the rule collection group the rules go into.</source>
        <translation>規則を追加する規則コレクション グループの名前。</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>優先度(&amp;P):</translation>
    </message>
    <message>
        <source>Rule collection group priority</source>
        <translation>規則コレクション グループの優先度</translation>
    </message>
    <message>
        <source>100 to 65000; lower numbers are processed first.</source>
        <translation>100 ～ 65000。小さい数値から先に処理されます。</translation>
    </message>
    <message>
        <source>Ro&amp;ute table:</source>
        <translation>ルート テーブル(&amp;U):</translation>
    </message>
    <message>
        <source>Create a new route table</source>
        <translation>新しいルート テーブルを作成</translation>
    </message>
    <message>
        <source>Add routes to an existing one</source>
        <translation>既存のテーブルに追加</translation>
    </message>
    <message>
        <source>No routes</source>
        <translation>ルートなし</translation>
    </message>
    <message>
        <source>Route table</source>
        <translation>ルート テーブル</translation>
    </message>
    <message>
        <source>Where the user-defined routes for inbound management traffic go.</source>
        <translation>受信の管理トラフィック用のユーザー定義のルートを追加する場所。</translation>
    </message>
    <message>
        <source>Route table na&amp;me:</source>
        <translation>ルート テーブル名(&amp;M):</translation>
    </message>
    <message>
        <source>Route table name</source>
        <translation>ルート テーブル名</translation>
    </message>
    <message>
        <source>Name of the route table of the compute subnet.</source>
        <translation>コンピューティング サブネットのルート テーブルの名前。</translation>
    </message>
    <message>
        <source>Firewall private &amp;IP:</source>
        <translation>ファイアウォールのプライベート IP(&amp;I):</translation>
    </message>
    <message>
        <source>optional, e.g. 10.0.0.4</source>
        <translation>省略可能。例: 10.0.0.4</translation>
    </message>
    <message>
        <source>Firewall private IP address</source>
        <translation>ファイアウォールのプライベート IP アドレス</translation>
    </message>
    <message>
        <source>With a new route table: adds the default route through the firewall.</source>
        <translation>新しいルート テーブルの場合: ファイアウォール経由の既定のルートを追加します。</translation>
    </message>
    <message>
        <source>With a new route table: adds the default route (0.0.0.0/0) through the firewall.</source>
        <translation>新しいルート テーブルの場合: ファイアウォール経由の既定のルート (0.0.0.0/0) を追加します。</translation>
    </message>
    <message>
        <source>Include ser&amp;vice-tag rules for what Azure Firewall cannot express</source>
        <translation>Azure Firewall で表現できないものにサービス タグの規則を含める(&amp;V)</translation>
    </message>
    <message>
        <source>Include alternatives</source>
        <translation>代替の規則を含める</translation>
    </message>
    <message>
        <source>Adds network rules with service tags where Azure Firewall cannot express a rule as written.</source>
        <translation>Azure Firewall で記載どおりに表現できない規則の代わりに、サービス タグを使用したネットワーク規則を追加します。</translation>
    </message>
    <message>
        <source>Purpose in both languages</source>
        <translation>目的を両方の言語で出力</translation>
    </message>
    <message>
        <source>UTF-8 byte order mark, so that E&amp;xcel reads the file correctly</source>
        <translation>UTF-8 のバイト オーダー マーク (Excel で正しく読み込むため)(&amp;X)</translation>
    </message>
    <message>
        <source>Byte order mark</source>
        <translation>バイト オーダー マーク</translation>
    </message>
    <message>
        <source>Starts the file with a UTF-8 byte order mark, which Excel needs to read Japanese text.</source>
        <translation>ファイルの先頭に UTF-8 のバイト オーダー マークを付けます。Excel で日本語を読み込むために必要です。</translation>
    </message>
    <message>
        <source>Descriptions in the file are in Japanese. Switch the language (Ctrl+L) for English.</source>
        <translation>ファイル内の説明は日本語です。英語にするには言語を切り替えてください (Ctrl+L)。</translation>
    </message>
    <message>
        <source>Descriptions in the file are in English. Switch the language (Ctrl+L) for Japanese.</source>
        <translation>ファイル内の説明は英語です。日本語にするには言語を切り替えてください (Ctrl+L)。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Choose where to save the file (Ctrl+E).</source>
        <translation>ファイルの保存先を選択します (Ctrl+E)。</translation>
    </message>
    <message>
        <source>Asks for a file name and writes the chosen format.</source>
        <translation>ファイル名を尋ね、選択した形式で書き出します。</translation>
    </message>
    <message>
        <source>Open fol&amp;der</source>
        <translation>フォルダーを開く(&amp;D)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Shows the folder of the exported file.</source>
        <translation>エクスポートしたファイルのフォルダーを表示します。</translation>
    </message>
    <message>
        <source>The rules have not been exported to a file.</source>
        <translation>規則はまだファイルにエクスポートされていません。</translation>
    </message>
    <message>
        <source>Export: %1</source>
        <translation>エクスポート: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %n rule(s) saved to %2</source>
        <translation>
            <numerusform>%1 (%n 個の規則) を %2 に保存しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Open an &quot;Azure IP Ranges and Service Tags&quot; file</source>
        <translation>「Azure IP Ranges and Service Tags」ファイルを開く</translation>
    </message>
    <message>
        <source>Service tags files (*.json)</source>
        <translation>サービス タグ ファイル (*.json)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This format does not use it.</source>
        <translation>この形式では使用しません。</translation>
    </message>
    <message>
        <source>None: service tags are written by name.</source>
        <translation>なし: サービス タグは名前で書き出します。</translation>
    </message>
    <message>
        <source>Service tags of the cloud &quot;%1&quot;, change %2.</source>
        <translation>クラウド &quot;%1&quot; のサービス タグ、変更番号 %2。</translation>
    </message>
    <message>
        <source>The service tags file was not loaded.</source>
        <translation>サービス タグ ファイルは読み込まれませんでした。</translation>
    </message>
    <message>
        <source>The service tags file is no longer used.</source>
        <translation>サービス タグ ファイルは使用されなくなりました。</translation>
    </message>
    <message>
        <source>Form&amp;at</source>
        <translation>形式(&amp;A)</translation>
    </message>
    <message>
        <source>Service tags:</source>
        <translation>サービス タグ:</translation>
    </message>
    <message>
        <source>Service tags file</source>
        <translation>サービス タグ ファイル</translation>
    </message>
    <message>
        <source>Servi&amp;ce tags file…</source>
        <translation>サービス タグ ファイル(&amp;C)…</translation>
    </message>
    <message>
        <source>Reads an &quot;Azure IP Ranges and Service Tags&quot; file of the scenario&apos;s cloud, so that service tags are written with their address prefixes.</source>
        <translation>シナリオのクラウドの「Azure IP Ranges and Service Tags」ファイルを読み込み、サービス タグをそのアドレス プレフィックスと共に書き出します。</translation>
    </message>
    <message>
        <source>Microsoft publishes the file weekly for each cloud (ServiceTags_Public_YYYYMMDD.json, the Government and China files); the output of az network list-service-tags works too.</source>
        <translation>Microsoft がクラウドごとに毎週公開しているファイルです (ServiceTags_Public_YYYYMMDD.json、Government と China のファイル)。az network list-service-tags の出力も使用できます。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Clear the service tags file</source>
        <translation>サービス タグ ファイルをクリア</translation>
    </message>
    <message>
        <source>Writes service tags by name again.</source>
        <translation>サービス タグを再び名前で書き出します。</translation>
    </message>
    <message>
        <source>IP addresses or CIDR ranges of the compute subnet, separated by commas. Used by the ARM template, Terraform, the Azure CLI script, CSV and the Excel workbook.</source>
        <translation>コンピューティング サブネットの IP アドレスまたは CIDR 範囲 (コンマ区切り)。ARM テンプレート、Terraform、Azure CLI スクリプト、CSV、Excel ブックで使用します。</translation>
    </message>
    <message>
        <source>Firewall policy and routes</source>
        <translation>ファイアウォール ポリシーとルート</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Purpose in both lan&amp;guages (English and Japanese)</source>
        <translation>目的を両方の言語で出力する (英語と日本語)(&amp;G)</translation>
    </message>
    <message>
        <source>Writes the purpose in English and in Japanese.</source>
        <translation>目的を英語と日本語の両方で書き出します。</translation>
    </message>
    <message>
        <source>&amp;Wildcards:</source>
        <translation>ワイルドカード(&amp;W):</translation>
    </message>
    <message>
        <source>*.example.com (most firewalls)</source>
        <translation>*.example.com (多くのファイアウォール)</translation>
    </message>
    <message>
        <source>.example.com (Squid&apos;s dstdomain and others)</source>
        <translation>.example.com (Squid の dstdomain など)</translation>
    </message>
    <message>
        <source>Wildcards</source>
        <translation>ワイルドカード</translation>
    </message>
    <message>
        <source>How a host name with a wildcard is written in the list.</source>
        <translation>ワイルドカードを含むホスト名を一覧にどう書くか。</translation>
    </message>
    <message>
        <source>Address famil&amp;y:</source>
        <translation>アドレス ファミリ(&amp;Y):</translation>
    </message>
    <message>
        <source>IPv4 and IPv6</source>
        <translation>IPv4 と IPv6</translation>
    </message>
    <message>
        <source>IPv4 only</source>
        <translation>IPv4 のみ</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>IPv6 のみ</translation>
    </message>
    <message>
        <source>Address family</source>
        <translation>アドレス ファミリ</translation>
    </message>
    <message>
        <source>Which address prefixes the list holds.</source>
        <translation>一覧に含めるアドレス プレフィックスの種類。</translation>
    </message>
    <message>
        <source>%1 options</source>
        <translation>オプション: %1</translation>
    </message>
    <message>
        <source>This format has no options of its own.</source>
        <translation>この形式には固有のオプションはありません。</translation>
    </message>
    <message>
        <source>e.g. 10.0.1.0/24 (empty: the file names the compute subnet)</source>
        <translation>例: 10.0.1.0/24 (空欄の場合はコンピューティング サブネットと記載)</translation>
    </message>
</context>
<context>
    <name>amlfw::Exporter</name>
    <message>
        <source>ARM template</source>
        <translation>ARM テンプレート</translation>
    </message>
    <message>
        <source>Terraform</source>
        <translation>Terraform</translation>
    </message>
    <message>
        <source>Azure CLI script</source>
        <translation>Azure CLI スクリプト</translation>
    </message>
    <message>
        <source>Managed network rules (YAML)</source>
        <translation>マネージド ネットワーク規則 (YAML)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel ブック</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Host name list</source>
        <translation>ホスト名一覧</translation>
    </message>
    <message>
        <source>Address prefix list</source>
        <translation>アドレス プレフィックス一覧</translation>
    </message>
    <message>
        <source>Azure Firewall policy rules and routes as a template to deploy.</source>
        <translation>Azure Firewall ポリシーの規則とルートを、デプロイするテンプレートとして書き出します。</translation>
    </message>
    <message>
        <source>The same firewall policy rules and routes as a .tf file for the azurerm provider 4.x.</source>
        <translation>同じファイアウォール ポリシーの規則とルートを、azurerm プロバイダー 4.x 用の .tf ファイルとして書き出します。</translation>
    </message>
    <message>
        <source>A bash script of az commands that creates the policy rules and routes.</source>
        <translation>ポリシーの規則とルートを作成する az コマンドの bash スクリプト。</translation>
    </message>
    <message>
        <source>The outbound rules of a managed virtual network, for az ml workspace update --file.</source>
        <translation>マネージド仮想ネットワークの送信規則 (az ml workspace update --file 用)。</translation>
    </message>
    <message>
        <source>One row per rule, for a change-approval ticket.</source>
        <translation>規則ごとに 1 行。変更承認のチケット用。</translation>
    </message>
    <message>
        <source>A workbook for a change ticket: a cover sheet and one sheet per view.</source>
        <translation>変更チケット用のブック: 表紙のシートと、ビューごとに 1 つのシート。</translation>
    </message>
    <message>
        <source>Every rule with every field, for scripts.</source>
        <translation>すべての規則とそのすべてのフィールド。スクリプト用。</translation>
    </message>
    <message>
        <source>Every host name, one per line, for other firewalls and proxies.</source>
        <translation>すべてのホスト名を 1 行に 1 つずつ。他のファイアウォールやプロキシ用。</translation>
    </message>
    <message>
        <source>The address prefixes of the service tags, one per line (needs a service tags file).</source>
        <translation>サービス タグのアドレス プレフィックスを 1 行に 1 つずつ (サービス タグ ファイルが必要)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range (such as 10.0.1.0/24).</source>
        <translation>「%1」は IP アドレスでも CIDR 範囲 (10.0.1.0/24 など) でもありません。</translation>
    </message>
</context>
<context>
    <name>amlfw::FeaturesPage</name>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>Which features does the workspace use?</source>
        <translation>ワークスペースで使用する機能はどれですか?</translation>
    </message>
    <message>
        <source>Each feature needs rules of its own. Rules that every workspace needs are always included.</source>
        <translation>機能ごとに必要な規則があります。すべてのワークスペースに必要な規則は常に含まれます。</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>Select all features</source>
        <translation>すべての機能を選択</translation>
    </message>
    <message>
        <source>Checks every feature.</source>
        <translation>すべての機能をオンにします。</translation>
    </message>
    <message>
        <source>Check every feature, e.g. to see the complete list of rules.</source>
        <translation>すべての機能をオンにします (規則の完全な一覧を見る場合など)。</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>クリア(&amp;L)</translation>
    </message>
    <message>
        <source>Clear all features</source>
        <translation>すべての機能をクリア</translation>
    </message>
    <message>
        <source>Unchecks every feature: only the rules every workspace needs remain.</source>
        <translation>すべての機能をオフにします。すべてのワークスペースに必要な規則だけが残ります。</translation>
    </message>
    <message>
        <source>Uncheck every feature: only the rules every workspace needs remain.</source>
        <translation>すべての機能をオフにします。すべてのワークスペースに必要な規則だけが残ります。</translation>
    </message>
    <message>
        <source>Inbound routes (user-defined routes)</source>
        <translation>受信のルート (ユーザー定義のルート)</translation>
    </message>
    <message>
        <source>Service &amp;tags (recommended: the routes follow Azure&apos;s address changes)</source>
        <translation>サービス タグ (推奨: ルートが Azure のアドレス変更に追従します)(&amp;T)</translation>
    </message>
    <message>
        <source>Routes with service tags</source>
        <translation>サービス タグのルート</translation>
    </message>
    <message>
        <source>Writes the user-defined routes with service tags as address prefixes.</source>
        <translation>ユーザー定義のルートのアドレス プレフィックスにサービス タグを使用します。</translation>
    </message>
    <message>
        <source>&amp;IP address ranges (for route tables that cannot use service tags)</source>
        <translation>IP アドレス範囲 (サービス タグを使用できないルート テーブル向け)(&amp;I)</translation>
    </message>
    <message>
        <source>Routes with IP address ranges</source>
        <translation>IP アドレス ルート</translation>
    </message>
    <message>
        <source>Writes the user-defined routes with the IP address ranges of the service tags, which you keep up to date.</source>
        <translation>ユーザー定義のルートにサービス タグの IP アドレス範囲を使用します。範囲は各自で最新の状態に保ってください。</translation>
    </message>
    <message>
        <source>Included with: %1</source>
        <translation>次に含まれます: %1</translation>
    </message>
    <message>
        <source>No routes are needed for the features chosen.</source>
        <translation>選択した機能ではルートは不要です。</translation>
    </message>
    <message>
        <source>included</source>
        <translation>含まれています</translation>
    </message>
    <message>
        <source>no extra rules</source>
        <translation>追加の規則なし</translation>
    </message>
    <message>
        <source>, %1 changed</source>
        <translation>、%1 件を変更</translation>
    </message>
    <message>
        <source>What this feature adds to the current choice: new rules, and rules it changes (such as extra ports). Rules that other chosen features need already are not counted.</source>
        <translation>この機能が現在の選択に追加するもの: 新しい規則と、変更する規則 (ポートの追加など)。選択済みのほかの機能ですでに必要な規則は数えません。</translation>
    </message>
    <message>
        <source>Check what the workspace uses. On the right: what a feature adds to your current choice.</source>
        <translation>ワークスペースで使用するものをオンにしてください。右側は、その機能が現在の選択に追加するものです。</translation>
    </message>
    <message>
        <source>Compute instances with a public IP and compute clusters receive management traffic from Azure; user-defined routes keep the replies away from the firewall (next hop: Internet).</source>
        <translation>パブリック IP を持つコンピューティング インスタンスとコンピューティング クラスターは Azure から管理トラフィックを受信します。ユーザー定義のルートにより、その応答はファイアウォールを通りません (ネクスト ホップの種類: インターネット)。</translation>
    </message>
    <message>
        <source>&amp;Remove them</source>
        <translation>削除する(&amp;R)</translation>
    </message>
    <message>
        <source>Remove unknown features</source>
        <translation>不明な機能を削除</translation>
    </message>
    <message>
        <source>Drops the feature ids that this rule catalog does not know.</source>
        <translation>この規則カタログにない機能 ID を取り除きます。</translation>
    </message>
    <message numerus="yes">
        <source>changes %n rule(s)</source>
        <translation>
            <numerusform>%n 件の規則を変更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n rule(s)</source>
        <translation>
            <numerusform>+%n 件の規則</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This choice needs %n rule(s), %1 of which every workspace needs.</source>
        <translation>
            <numerusform>この選択で必要な規則は %n 件です (うち %1 件はすべてのワークスペースに必要)。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::FileDialog</name>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>amlfw::FirewallWizard</name>
    <message>
        <source>Switch the language of the wizard and the exported files (Ctrl+L).</source>
        <translation>ウィザードとエクスポートするファイルの言語を切り替えます (Ctrl+L)。</translation>
    </message>
    <message>
        <source>Switch to English</source>
        <translation>英語に切り替え</translation>
    </message>
    <message>
        <source>Switch to Japanese</source>
        <translation>日本語に切り替え</translation>
    </message>
    <message>
        <source>Switches the language without losing the answers (Ctrl+L).</source>
        <translation>回答を保ったまま言語を切り替えます (Ctrl+L)。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Open or save the answers as a profile file (Ctrl+O, Ctrl+S).</source>
        <translation>回答をプロファイル ファイルとして開くか保存します (Ctrl+O、Ctrl+S)。</translation>
    </message>
    <message>
        <source>Menu to open or save a profile file.</source>
        <translation>プロファイル ファイルを開く、または保存するメニュー。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <source>Version, rule catalog, Qt and TLS (F1).</source>
        <translation>バージョン、規則カタログ、Qt、TLS (F1)。</translation>
    </message>
    <message>
        <source>About amlfw</source>
        <translation>amlfw のバージョン情報</translation>
    </message>
    <message>
        <source>Shows the version, the rule catalog edition, the Qt version and the TLS backend.</source>
        <translation>バージョン、規則カタログの版、Qt のバージョン、TLS バックエンドを表示します。</translation>
    </message>
    <message>
        <source>&amp;Open profile…</source>
        <translation>プロファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save profile…</source>
        <translation>プロファイルを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>amlfw wizard</source>
        <translation>amlfw ウィザード</translation>
    </message>
    <message>
        <source>Asks about an Azure Machine Learning workspace and shows the firewall rules it needs.</source>
        <translation>Azure Machine Learning ワークスペースについて質問し、必要なファイアウォールの規則を表示します。</translation>
    </message>
    <message>
        <source>amlfw</source>
        <translation>amlfw</translation>
    </message>
    <message>
        <source>amlfw — %1</source>
        <translation>amlfw — %1</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>プロファイルを開く</translation>
    </message>
    <message>
        <source>amlfw profiles (*.json)</source>
        <translation>amlfw プロファイル (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open the profile</source>
        <translation>プロファイルを開けません</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; cannot be used; your answers are unchanged.</source>
        <translation>プロファイル &quot;%1&quot; は使用できません。回答は変更されていません。</translation>
    </message>
    <message>
        <source>Profile opened with warnings</source>
        <translation>プロファイルを開きました (警告あり)</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was opened, with warnings:</source>
        <translation>プロファイル &quot;%1&quot; を開きましたが、警告があります:</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>プロファイルの保存</translation>
    </message>
    <message>
        <source>Cannot save the profile</source>
        <translation>プロファイルを保存できません</translation>
    </message>
    <message>
        <source>Nothing was written. %1</source>
        <translation>ファイルは書き込まれていません。%1</translation>
    </message>
    <message>
        <source>Profile saved</source>
        <translation>プロファイルを保存しました</translation>
    </message>
    <message>
        <source>Saved the answers to %1.

The command-line tool reads it too: amlfw rules --profile &quot;%2&quot;</source>
        <translation>回答を %1 に保存しました。

コマンドライン ツールでも読み込めます: amlfw rules --profile &quot;%2&quot;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Firewall rules for Azure Machine Learning workspaces in a virtual network.</source>
        <translation>仮想ネットワーク内の Azure Machine Learning ワークスペースのためのファイアウォールの規則。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Rule catalog</source>
        <translation>規則カタログ</translation>
    </message>
    <message>
        <source>edition %1 (article dated %2)</source>
        <translation>%1 版 (記事の日付: %2)</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (ビルド時: %2)</translation>
    </message>
    <message>
        <source>TLS backend</source>
        <translation>TLS バックエンド</translation>
    </message>
    <message>
        <source>Goes back to the previous step; your answers are kept.</source>
        <translation>前の手順に戻ります。回答は保持されます。</translation>
    </message>
    <message>
        <source>Goes on to the next step.</source>
        <translation>次の手順に進みます。</translation>
    </message>
    <message>
        <source>Closes amlfw; your answers are remembered for next time.</source>
        <translation>amlfw を閉じます。回答は次回のために記憶されます。</translation>
    </message>
    <message>
        <source>Your answers are remembered for next time either way. Close amlfw now?</source>
        <translation>どちらを選んでも、回答は次回のために記憶されます。amlfw を今すぐ閉じますか?</translation>
    </message>
    <message>
        <source>Close amlfw?</source>
        <translation>amlfw を閉じますか?</translation>
    </message>
    <message>
        <source>&amp;Close without saving</source>
        <translation>保存せずに閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>閉じない(&amp;S)</translation>
    </message>
</context>
<context>
    <name>amlfw::FqdnListExporter</name>
    <message>
        <source>Azure Machine Learning behind a firewall: written by amlfw %1</source>
        <translation>ファイアウォールの内側の Azure Machine Learning: amlfw %1 で作成</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>機能: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Article: %1 (edition %2, %3)</source>
        <translation>記事: %1 (版 %2、%3)</translation>
    </message>
    <message>
        <source>left out of the host name list: %1</source>
        <translation>ホスト名のリストから除外しました: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n host name(s), one per line.</source>
        <translation>
            <numerusform>ホスト名 %n 件、1 行に 1 つ。</numerusform>
        </translation>
    </message>
    <message>
        <source>Wildcards as .example.com: the name and every name under it.</source>
        <translation>ワイルドカードは .example.com の形式: その名前自体とその下のすべての名前。</translation>
    </message>
    <message>
        <source>Wildcards as *.example.com: every name under example.com; example.com itself is listed when it is needed.</source>
        <translation>ワイルドカードは *.example.com の形式: example.com の下のすべての名前。example.com 自体が必要な場合は別に記載しています。</translation>
    </message>
    <message>
        <source>The ports and protocols of each name are in the CSV, XLSX and JSON exports.</source>
        <translation>各名前のポートとプロトコルは、CSV、XLSX、JSON のエクスポートに記載されています。</translation>
    </message>
    <message>
        <source>Left out because a .domain entry covers them: %1</source>
        <translation>.domain の項目に含まれるため除外: %1</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>除外: %1</translation>
    </message>
</context>
<context>
    <name>amlfw::GroupedFilterModel</name>
    <message numerus="yes">
        <source>%1 (%2 of %n)</source>
        <extracomment>A group of rules under a filter: its title, the rows shown, all its rows (&quot;Application rules (3 of 12)&quot;)</extracomment>
        <translation>
            <numerusform>%1 (%n 件中 %2 件)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::IpListExporter</name>
    <message>
        <source>An address prefix list needs a service tags file: give --service-tags FILE (in the wizard: &quot;Service tags file…&quot;) with the current &quot;Azure IP Ranges and Service Tags&quot; file of the rules&apos; cloud (Public Cloud, US Government Cloud or China Cloud), which Microsoft publishes every week on the Microsoft Download Center.</source>
        <translation>アドレス プレフィックスのリストにはサービス タグのファイルが必要です。--service-tags FILE (ウィザードでは [サービス タグのファイル…]) で、規則のクラウド (Public Cloud、US Government Cloud、China Cloud) の最新の「Azure IP Ranges and Service Tags」ファイルを指定してください。このファイルは Microsoft ダウンロード センターで毎週公開されています。</translation>
    </message>
    <message>
        <source>no rule of this scenario names a service tag: the list is empty</source>
        <translation>このシナリオにはサービス タグを指定する規則がないため、リストは空です</translation>
    </message>
    <message>
        <source>the address prefix list leaves out the service tag %1: this file (%2) does not list it</source>
        <translation>アドレス プレフィックスのリストにサービス タグ %1 は含まれません。このファイル (%2) に記載されていません</translation>
    </message>
    <message>
        <source>Address prefixes of the service tags, from %1 (%2).</source>
        <translation>サービス タグのアドレス プレフィックス。%1 (%2) から取得。</translation>
    </message>
    <message>
        <source>Microsoft updates the service tags files every week: write this list again from the current file before each change.</source>
        <translation>Microsoft はサービス タグのファイルを毎週更新します。変更のたびに、最新のファイルからこのリストを作り直してください。</translation>
    </message>
    <message>
        <source>IPv4 and IPv6.</source>
        <translation>IPv4 と IPv6。</translation>
    </message>
    <message>
        <source>IPv4 only.</source>
        <translation>IPv4 のみ。</translation>
    </message>
    <message>
        <source>IPv6 only.</source>
        <translation>IPv6 のみ。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n prefix(es)</source>
        <translation>
            <numerusform>%1: プレフィックス %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not in the file, left out</source>
        <translation>%1: ファイルにないため除外</translation>
    </message>
    <message numerus="yes">
        <source>%n address prefix(es), one per line, without duplicates.</source>
        <translation>
            <numerusform>アドレス プレフィックス %n 件、1 行に 1 つ、重複なし。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::JsonReader</name>
    <message>
        <source>missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>配列である必要があります</translation>
    </message>
    <message>
        <source>not valid JSON (line %1, column %2): %3</source>
        <translation>JSON として正しくありません (%1 行 %2 列): %3</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>文字列である必要があります</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>空にはできません</translation>
    </message>
    <message>
        <source>missing (a text in English and Japanese)</source>
        <translation>ありません (英語と日本語のテキストが必要です)</translation>
    </message>
    <message>
        <source>must be an object with &quot;en&quot; and &quot;ja&quot; texts</source>
        <translation>&quot;en&quot; と &quot;ja&quot; のテキストを持つオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>missing English text</source>
        <translation>英語のテキストがありません</translation>
    </message>
    <message>
        <source>missing Japanese translation</source>
        <translation>日本語の翻訳がありません</translation>
    </message>
    <message>
        <source>must be an array of strings</source>
        <translation>文字列の配列である必要があります</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true または false である必要があります</translation>
    </message>
</context>
<context>
    <name>amlfw::LiveResultFilterModel</name>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>What will be tested</source>
        <translation>テストする内容</translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestDemo</name>
    <message>
        <source>Demo network (simulated, no real connections)</source>
        <translation>デモ ネットワーク (模擬、実際の接続なし)</translation>
    </message>
    <message>
        <source>Runs the test on a network simulated inside amlfw on 127.0.0.1, for presentations without the real network: every status appears, nothing leaves this computer.</source>
        <translation>amlfw 内で 127.0.0.1 上に模擬したネットワークでテストします。実際のネットワークなしでプレゼンテーションを行うためのもので、すべての状態が表示され、このコンピューターの外には何も送信しません。</translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestDetails</name>
    <message>
        <source>from DNS</source>
        <translation>DNS から取得</translation>
    </message>
    <message>
        <source>pinned, not asked of DNS</source>
        <translation>固定 (DNS には問い合わせていません)</translation>
    </message>
    <message>
        <source>an address, no DNS needed</source>
        <translation>アドレスを直接指定 (DNS は不要)</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>合計 %1</translation>
    </message>
    <message>
        <source>rule %1, %2</source>
        <translation>規則 %1、%2</translation>
    </message>
    <message>
        <source>Give a host to test under More options › Sample hosts, then start the test again.</source>
        <translation>[その他のオプション] の [テストするホスト] でホストを指定し、もう一度テストを開始してください。</translation>
    </message>
    <message>
        <source>What to ask for:</source>
        <translation>依頼する内容:</translation>
    </message>
    <message>
        <source>Destination in the rule</source>
        <translation>規則の送信先</translation>
    </message>
    <message>
        <source>Host tested</source>
        <translation>テストしたホスト</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>CNAMEs</source>
        <translation>CNAME</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>server name (SNI): %1</source>
        <translation>サーバー名 (SNI): %1</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>発行者 %1</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>有効期限 %1</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>証明書チェーン</translation>
    </message>
    <message>
        <source>Expected issuers</source>
        <translation>想定される発行者</translation>
    </message>
    <message>
        <source>server: %1</source>
        <translation>サーバー: %1</translation>
    </message>
    <message>
        <source>answered by a firewall or proxy (%1)</source>
        <translation>ファイアウォールまたはプロキシが応答 (%1)</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Earlier run</source>
        <translation>以前の実行</translation>
    </message>
    <message>
        <source>not tested then</source>
        <translation>当時はテスト対象外</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Tested at</source>
        <translation>テスト日時</translation>
    </message>
    <message>
        <source>Select a row to see what was found: addresses, certificate chain, HTTP answer, timings, and what to ask the firewall team for.</source>
        <translation>行を選択すると、わかったこと (アドレス、証明書チェーン、HTTP の応答、所要時間) と、ファイアウォールの担当者に依頼する内容が表示されます。</translation>
    </message>
    <message>
        <source>Start the test to check every endpoint of these rules from this computer: name resolution, connection, TLS and HTTP, through your proxy. It changes nothing and is optional: Next goes on without it.</source>
        <translation>テストを開始すると、これらの規則のすべてのエンドポイントについて、名前解決、接続、TLS、HTTP をこのコンピューターからプロキシ経由で確認します。何も変更しません。このテストは省略可能で、[次へ] でそのまま先に進めます。</translation>
    </message>
    <message>
        <source>Save the report as evidence for the change request; after the change, compare a new run with it.</source>
        <translation>レポートを変更要求の証拠として保存し、変更後は新しい実行結果をそのレポートと比較してください。</translation>
    </message>
    <message>
        <source>To be tested</source>
        <translation>テストする内容</translation>
    </message>
    <message>
        <source>What to ask for, one request each (%1):</source>
        <translation>依頼する内容 (依頼ごとに 1 項目、%1 件):</translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestOptions</name>
    <message>
        <source>Give the proxy&apos;s address, such as http://proxy.example.com:8080.</source>
        <translation>プロキシのアドレスを指定してください (例: http://proxy.example.com:8080)。</translation>
    </message>
    <message>
        <source>The host to test for %1; empty: not tested.</source>
        <translation>%1 の代わりにテストするホスト。空の場合はテストしません。</translation>
    </message>
    <message>
        <source>Every endpoint is connected to directly, as from a machine without a proxy.</source>
        <translation>プロキシのないコンピューターと同じように、各エンドポイントに直接接続します。</translation>
    </message>
    <message>
        <source>Web ports (80, 443) go through the proxy this computer is set to use; other ports go directly.</source>
        <translation>Web のポート (80、443) はこのコンピューターに設定されたプロキシを経由し、その他のポートは直接接続します。</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>追加の CA 証明書</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM 証明書 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>sample hosts given</source>
        <translation>テストするホストを指定済み</translation>
    </message>
    <message>
        <source>extra CA certificates</source>
        <translation>追加の CA 証明書あり</translation>
    </message>
    <message>
        <source>timeout %1 s per step</source>
        <translation>各段階のタイムアウト %1 秒</translation>
    </message>
    <message>
        <source>default timeouts</source>
        <translation>既定のタイムアウト</translation>
    </message>
    <message>
        <source>%1 at once</source>
        <translation>同時に %1 件</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>プロキシ(&amp;X):</translation>
    </message>
    <message>
        <source>Direct (no proxy)</source>
        <translation>直接 (プロキシなし)</translation>
    </message>
    <message>
        <source>System proxy setting</source>
        <translation>システムのプロキシ設定</translation>
    </message>
    <message>
        <source>HTTP proxy</source>
        <translation>HTTP プロキシ</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>プロキシの URL(&amp;U):</translation>
    </message>
    <message>
        <source>http://proxy.example.com:8080</source>
        <translation>http://proxy.example.com:8080</translation>
    </message>
    <message>
        <source>Proxy URL</source>
        <translation>プロキシの URL</translation>
    </message>
    <message>
        <source>Address and port of the HTTP proxy, such as http://proxy:3128.</source>
        <translation>HTTP プロキシのアドレスとポート (例: http://proxy:3128)。</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>ユーザー(&amp;E):</translation>
    </message>
    <message>
        <source>Proxy user</source>
        <translation>プロキシのユーザー</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>プロキシのパスワード</translation>
    </message>
    <message>
        <source>Password for the proxy. Used for this session only: it is never saved, shown or written to a report.</source>
        <translation>プロキシのパスワード。このセッションでのみ使用し、保存、表示、レポートへの書き込みは一切しません。</translation>
    </message>
    <message>
        <source>The password is used for this session only: never saved or written to a report.</source>
        <translation>パスワードはこのセッションでのみ使用し、保存やレポートへの書き込みはしません。</translation>
    </message>
    <message>
        <source>&amp;More options</source>
        <translation>その他のオプション(&amp;M)</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>その他のオプション</translation>
    </message>
    <message>
        <source>Shows or hides sample hosts for wildcards, extra CA certificates, the timeout and how many endpoints are tested at once.</source>
        <translation>ワイルドカードの代わりにテストするホスト、追加の CA 証明書、タイムアウト、同時にテストするエンドポイントの数を表示または非表示にします。</translation>
    </message>
    <message>
        <source>Options in effect</source>
        <translation>現在のオプション</translation>
    </message>
    <message>
        <source>Sample &amp;hosts: a concrete host to test for each wildcard or service tag that has none.</source>
        <translation>テストするホスト(&amp;H): ホストが決まらないワイルドカードやサービス タグごとに、代わりにテストする具体的なホストを指定します。</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Host to test</source>
        <translation>テストするホスト</translation>
    </message>
    <message>
        <source>Sample hosts</source>
        <translation>代わりにテストするホスト</translation>
    </message>
    <message>
        <source>Type a host the wildcard allows, such as one of your own, to test it; empty rows are not tested.</source>
        <translation>ワイルドカードが許可するホスト (自分のリソースのホストなど) を入力するとテストされます。空の行はテストしません。</translation>
    </message>
    <message>
        <source>Every destination of these rules has a host to test.</source>
        <translation>これらの規則のすべての送信先に、テストするホストがあります。</translation>
    </message>
    <message>
        <source>Extra C&amp;A certificates:</source>
        <translation>追加の CA 証明書(&amp;A):</translation>
    </message>
    <message>
        <source>PEM file, such as your TLS inspection&apos;s CA (optional)</source>
        <translation>PEM ファイル (TLS インスペクションの CA など、省略可能)</translation>
    </message>
    <message>
        <source>A PEM file of CA certificates to trust in addition to this computer&apos;s, such as a TLS inspection&apos;s CA.</source>
        <translation>このコンピューターの証明書に加えて信頼する CA 証明書の PEM ファイル (TLS インスペクションの CA など)。</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>参照(&amp;O)…</translation>
    </message>
    <message>
        <source>Browse for CA certificates</source>
        <translation>CA 証明書を参照</translation>
    </message>
    <message>
        <source>Chooses the PEM file of extra CA certificates.</source>
        <translation>追加の CA 証明書の PEM ファイルを選択します。</translation>
    </message>
    <message>
        <source>T&amp;imeout per step:</source>
        <translation>各段階のタイムアウト(&amp;I):</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Timeout per step</source>
        <translation>各段階のタイムアウト</translation>
    </message>
    <message>
        <source>Seconds each step (DNS, TCP, TLS, HTTP) may take; default: DNS 3 s, TCP 5 s, TLS 5 s, HTTP 10 s.</source>
        <translation>各段階 (DNS、TCP、TLS、HTTP) にかけられる秒数。既定: DNS 3 秒、TCP 5 秒、TLS 5 秒、HTTP 10 秒。</translation>
    </message>
    <message>
        <source>Endpoints &amp;tested at once:</source>
        <translation>同時にテストする数(&amp;T):</translation>
    </message>
    <message>
        <source>Endpoints tested at once</source>
        <translation>同時にテストするエンドポイントの数</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n wildcard or service tag destination(s) without a host to test</source>
        <translation>
            <numerusform>ワイルドカードまたはサービス タグの送信先 %n 件のうち %1 件はテストするホストが未指定</numerusform>
        </translation>
    </message>
    <message>
        <source>User name for the proxy: NTLM, Digest or Basic, as the proxy asks (DOMAIN\user or user@domain for NTLM). Empty: none; on Windows the logged-on user signs on to NTLM and Negotiate (Kerberos) proxies.</source>
        <translation>プロキシのユーザー名: プロキシの求めに応じて NTLM、Digest、Basic で認証します (NTLM では DOMAIN\user または user@domain)。空の場合は認証しません。ただし Windows では、NTLM や Negotiate (Kerberos) のプロキシにログオン中のユーザーでサインオンします。</translation>
    </message>
    <message>
        <source>endpoints at once: automatic</source>
        <translation>同時テスト数: 自動</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>How many endpoints are tested at the same time: automatic (every endpoint at once, up to %1) or 1 to %2.</source>
        <translation>同時にテストするエンドポイントの数: 自動 (すべてのエンドポイントを同時に、最大 %1) または 1 から %2。</translation>
    </message>
    <message>
        <source>Give the PAC file&apos;s path or URL, such as http://wpad.example.com/wpad.dat.</source>
        <translation>PAC ファイルのパスまたは URL を指定してください (例: http://wpad.example.com/wpad.dat)。</translation>
    </message>
    <message>
        <source>Automatic configuration script</source>
        <translation>自動構成スクリプト</translation>
    </message>
    <message>
        <source>PAC files (*.pac *.dat *.js)</source>
        <translation>PAC ファイル (*.pac *.dat *.js)</translation>
    </message>
    <message numerus="yes">
        <source>%n redirect(s)</source>
        <translation>
            <numerusform>リダイレクト %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic configuration script (PAC)…</source>
        <translation>自動構成スクリプト (PAC)…</translation>
    </message>
    <message>
        <source>How the test reaches web ports: directly, through the system&apos;s proxy setting, through an HTTP proxy, or as a proxy auto-configuration (PAC) script says.</source>
        <translation>テストが Web ポートに到達する方法: 直接、システムのプロキシ設定経由、HTTP プロキシ経由、またはプロキシ自動構成 (PAC) スクリプトの指定どおり。</translation>
    </message>
    <message>
        <source>Auto-confi&amp;g script:</source>
        <translation>自動構成スクリプト(&amp;G):</translation>
    </message>
    <message>
        <source>PAC file or URL, such as http://wpad.example.com/wpad.dat</source>
        <translation>PAC ファイルまたは URL (例: http://wpad.example.com/wpad.dat)</translation>
    </message>
    <message>
        <source>PAC file or URL</source>
        <translation>PAC ファイルまたは URL</translation>
    </message>
    <message>
        <source>The proxy auto-configuration script: a file, or an http, https or file URL. Its FindProxyForURL decides per endpoint, and its list of proxies is tried in order.</source>
        <translation>プロキシ自動構成スクリプト: ファイル、または http、https、file の URL。その FindProxyForURL がエンドポイントごとに経路を決め、返されたプロキシの一覧は順に試されます。</translation>
    </message>
    <message>
        <source>Pic&amp;k file…</source>
        <translation>ファイルを選択(&amp;K)…</translation>
    </message>
    <message>
        <source>Choose a PAC file</source>
        <translation>PAC ファイルを選択</translation>
    </message>
    <message>
        <source>Chooses the proxy auto-configuration (PAC) file.</source>
        <translation>プロキシ自動構成 (PAC) ファイルを選択します。</translation>
    </message>
    <message>
        <source>Redirect, line %1: %2</source>
        <translation>リダイレクト、%1 行目: %2</translation>
    </message>
    <message>
        <source>Redirect:</source>
        <translation>リダイレクト:</translation>
    </message>
    <message>
        <source>One a line, as the command line takes them:
--resolve HOST:PORT:ADDRESS
--connect-to HOST:PORT:HOST2:PORT2</source>
        <translation>1 行に 1 つ、コマンド ラインと同じ形式で:
--resolve HOST:PORT:ADDRESS
--connect-to HOST:PORT:HOST2:PORT2</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>リダイレクト</translation>
    </message>
    <message>
        <source>Addresses to use for names (--resolve) and places to connect to instead (--connect-to), one a line, for names your DNS does not know yet or a test system. Remembered for this profile.</source>
        <translation>名前に使うアドレス (--resolve) と、代わりに接続する先 (--connect-to) を 1 行に 1 つ指定します。DNS にまだ登録されていない名前やテスト システムに使います。このプロファイル用に記憶されます。</translation>
    </message>
    <message>
        <source>system proxy: the PAC script %1 of the %2 desktop</source>
        <translation>システムのプロキシ: %2 デスクトップの PAC スクリプト %1</translation>
    </message>
    <message>
        <source>system proxy: the %1 desktop detects it automatically, which the test does not do; choose the PAC script and give its URL</source>
        <translation>システムのプロキシ: %1 デスクトップは自動検出を使いますが、テストでは自動検出を行いません。自動構成スクリプト (PAC) を選び、その URL を指定してください</translation>
    </message>
    <message>
        <source>demo network: its own proxy, certificates, timeouts and redirects are used, not these</source>
        <translation>デモ ネットワーク: ここのプロキシ、証明書、タイムアウト、リダイレクトではなく、デモ ネットワーク独自のものを使います</translation>
    </message>
    <message>
        <source>The system proxy setting of the %1 desktop cannot be used: %2</source>
        <translation>%1 デスクトップのシステムのプロキシ設定を使えません: %2</translation>
    </message>
    <message>
        <source>Fetching the automatic configuration script
%1</source>
        <translation>自動構成スクリプト (PAC) を取得しています
%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestPage</name>
    <message>
        <source>Live test</source>
        <translation>ライブ テスト</translation>
    </message>
    <message>
        <source>There are no rules to test: %1</source>
        <translation>テストする規則がありません: %1</translation>
    </message>
    <message>
        <source>The test did not start:</source>
        <translation>テストを開始できませんでした:</translation>
    </message>
    <message>
        <source>The answers changed, so the running test was stopped and its results cleared: start the test again for the new rules.</source>
        <translation>回答が変わったため、実行中のテストを中止し、結果を消去しました。新しい規則でもう一度テストを開始してください。</translation>
    </message>
    <message>
        <source>The answers changed, so the earlier results were cleared: start the test again for the new rules.</source>
        <translation>回答が変わったため、以前の結果を消去しました。新しい規則でもう一度テストを開始してください。</translation>
    </message>
    <message>
        <source>Not tested yet: there are no rules to test.</source>
        <translation>まだテストしていません。テストする規則がありません。</translation>
    </message>
    <message>
        <source> (%1 of the failed cancelled)</source>
        <translation> (失敗のうち中止 %1 件)</translation>
    </message>
    <message>
        <source> · %1 in progress</source>
        <translation> · 実行中 %1 件</translation>
    </message>
    <message>
        <source>Since the earlier run: %1 fixed, %2 now failing, %3 changed otherwise.</source>
        <translation>以前の実行からの変化: 修正済み %1 件、新たに失敗 %2 件、その他の変化 %3 件。</translation>
    </message>
    <message>
        <source>Test from this computer</source>
        <translation>このコンピューターからのテスト</translation>
    </message>
    <message>
        <source>Checks name resolution, connection, TLS and HTTP of every endpoint, through your proxy, to show what the firewall blocks. Optional: Next goes on without it.</source>
        <translation>すべてのエンドポイントの名前解決、接続、TLS、HTTP をプロキシ経由で確認し、ファイアウォールがブロックしているものを示します。省略可能: [次へ] でそのまま先に進めます。</translation>
    </message>
    <message>
        <source>&amp;Start test</source>
        <translation>テスト開始(&amp;S)</translation>
    </message>
    <message>
        <source>Start test</source>
        <translation>テスト開始</translation>
    </message>
    <message>
        <source>Tests every endpoint of the rules from this computer.</source>
        <translation>規則のすべてのエンドポイントをこのコンピューターからテストします。</translation>
    </message>
    <message>
        <source>&amp;Cancel test</source>
        <translation>テスト中止(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>テスト中止</translation>
    </message>
    <message>
        <source>Stops the test; endpoints not finished are marked cancelled. The wizard stays open.</source>
        <translation>テストを中止します。終わっていないエンドポイントは中止として記録されます。ウィザードは閉じません。</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>失敗を再テスト(&amp;R)</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>失敗を再テスト</translation>
    </message>
    <message>
        <source>Tests again only the endpoints that failed or were cancelled, with the options as they are now.</source>
        <translation>失敗または中止したエンドポイントだけを、現在のオプションでもう一度テストします。</translation>
    </message>
    <message>
        <source>Test progress</source>
        <translation>テストの進行状況</translation>
    </message>
    <message>
        <source>Test counts</source>
        <translation>テストの件数</translation>
    </message>
    <message>
        <source>Show only &amp;failures</source>
        <translation>失敗だけを表示(&amp;F)</translation>
    </message>
    <message>
        <source>Show only failures</source>
        <translation>失敗だけを表示</translation>
    </message>
    <message>
        <source>Hides the endpoints that are reachable or not testable.</source>
        <translation>到達可能なエンドポイントとテストできないエンドポイントを非表示にします。</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>テスト結果</translation>
    </message>
    <message>
        <source>One row per rule and port: status, host tested, port, time, the rule&apos;s destination and id. Select a row for details.</source>
        <translation>規則とポートごとに 1 行: 状態、テストしたホスト、ポート、時間、規則の送信先と ID。行を選択すると詳細が表示されます。</translation>
    </message>
    <message>
        <source>Result details</source>
        <translation>結果の詳細</translation>
    </message>
    <message>
        <source>Addresses, certificate chain, HTTP answer, timings and what to ask the firewall team for.</source>
        <translation>アドレス、証明書チェーン、HTTP の応答、所要時間、ファイアウォールの担当者に依頼する内容。</translation>
    </message>
    <message numerus="yes">
        <source>Not tested yet: %n endpoint(s), %1 of them testable from here.</source>
        <translation>
            <numerusform>まだテストしていません: エンドポイント %n 件 (うちここからテストできるもの %1 件)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n endpoint(s) tested · %2 reachable · %3 failed · %4 not testable from here</source>
        <translation>
            <numerusform>テスト済み %1 / %n 件 · 到達可能 %2 件 · 失敗 %3 件 · ここからテスト不可 %4 件</numerusform>
        </translation>
    </message>
    <message>
        <source>A live test is still running.</source>
        <translation>ライブ テストがまだ実行中です。</translation>
    </message>
    <message>
        <source>The results of the live test have not been saved as a report.</source>
        <translation>ライブ テストの結果はまだレポートとして保存されていません。</translation>
    </message>
    <message>
        <source>The baseline is a report of the demo network: comparing real results with it says nothing.</source>
        <translation>ベースラインはデモ ネットワークのレポートです。実際の結果と比較しても意味がありません。</translation>
    </message>
    <message>
        <source>The baseline is a report of a real network: comparing demo results with it says nothing.</source>
        <translation>ベースラインは実際のネットワークのレポートです。デモの結果と比較しても意味がありません。</translation>
    </message>
    <message>
        <source>Bac&amp;k to the live test</source>
        <translation>ライブ テストに戻る(&amp;K)</translation>
    </message>
    <message>
        <source>Close report</source>
        <translation>レポートを閉じる</translation>
    </message>
    <message>
        <source>Closes the saved report and shows this computer&apos;s test again.</source>
        <translation>保存済みのレポートを閉じ、このコンピューターのテストを再び表示します。</translation>
    </message>
    <message>
        <source>The report was not opened: %1</source>
        <translation>レポートを開けませんでした: %1</translation>
    </message>
    <message>
        <source>storage %1</source>
        <translation>ストレージ アカウント %1</translation>
    </message>
    <message>
        <source>edition %1</source>
        <translation>%1 版</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Showing the saved report %1, read-only: run on %2 at %3.
Scenario: %4; features: %5.</source>
        <translation>保存済みのレポート %1 を表示しています (読み取り専用)。実行: %2、%3。
シナリオ: %4。機能: %5。</translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestReportBar</name>
    <message>
        <source>HTML report</source>
        <translation>HTML レポート</translation>
    </message>
    <message>
        <source>JSON report</source>
        <translation>JSON レポート</translation>
    </message>
    <message>
        <source>CSV report</source>
        <translation>CSV レポート</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML ファイル (*.html)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON ファイル (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Save the %1</source>
        <translation>%1 の保存</translation>
    </message>
    <message>
        <source>Nothing was written. %1</source>
        <translation>ファイルは書き込まれていません。%1</translation>
    </message>
    <message>
        <source>Saved the %1 to %2</source>
        <translation>%1 を %2 に保存しました</translation>
    </message>
    <message>
        <source>Compare with an earlier run</source>
        <translation>以前の実行と比較</translation>
    </message>
    <message>
        <source>JSON reports of amlfw check (*.json)</source>
        <translation>amlfw check の JSON レポート (*.json)</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>比較できません: %1</translation>
    </message>
    <message>
        <source>See what a change fixed: compare with the JSON report of an earlier run.</source>
        <translation>以前の実行の JSON レポートと比較すると、変更で直ったものがわかります。</translation>
    </message>
    <message>
        <source>Compared with %1 (run on %2, %3).</source>
        <translation>%1 と比較しています (%2 で %3 に実行)。</translation>
    </message>
    <message>
        <source>Sa&amp;ve report</source>
        <translation>レポートを保存(&amp;V)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>レポートを保存</translation>
    </message>
    <message>
        <source>HTML, for people (one self-contained page)…</source>
        <translation>HTML: 人が読むための、1 ファイルで完結するページ…</translation>
    </message>
    <message>
        <source>JSON, for tools and to compare with later…</source>
        <translation>JSON: ツール向け、後で比較するときにも使用…</translation>
    </message>
    <message>
        <source>CSV, for a spreadsheet or the ticket…</source>
        <translation>CSV: スプレッドシートやチケット向け…</translation>
    </message>
    <message>
        <source>Com&amp;pare with an earlier run…</source>
        <translation>以前の実行と比較(&amp;P)…</translation>
    </message>
    <message>
        <source>Loads the JSON report of an earlier run and shows, row by row, what was fixed and what now fails.</source>
        <translation>以前の実行の JSON レポートを読み込み、修正されたものと新たに失敗したものを行ごとに示します。</translation>
    </message>
    <message>
        <source>C&amp;lear comparison</source>
        <translation>比較を解除(&amp;L)</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>比較を解除</translation>
    </message>
    <message>
        <source>Stops comparing with the earlier run.</source>
        <translation>以前の実行との比較をやめます。</translation>
    </message>
    <message>
        <source>Open fol&amp;der</source>
        <translation>フォルダーを開く(&amp;D)</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Shows the folder of the saved report.</source>
        <translation>保存したレポートのフォルダーを表示します。</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF レポート</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Compare with another scenario?</source>
        <translation>別のシナリオと比較しますか?</translation>
    </message>
    <message>
        <source>The earlier run in %1 tested another scenario:</source>
        <translation>%1 の以前の実行は、別のシナリオをテストしたものです:</translation>
    </message>
    <message>
        <source>Rows of other rules show as new or no longer tested, and a row&apos;s change may come from the scenario rather than from the firewall.</source>
        <translation>ほかの規則の行は新規またはテスト対象外として表示され、行の変化はファイアウォールではなくシナリオの違いによる可能性があります。</translation>
    </message>
    <message>
        <source>Compare &amp;anyway</source>
        <translation>このまま比較(&amp;A)</translation>
    </message>
    <message>
        <source>Open a saved report</source>
        <translation>保存済みのレポートを開く</translation>
    </message>
    <message>
        <source>Saves the results as an HTML, JSON, CSV or PDF report: evidence for the change request.</source>
        <translation>結果を HTML、JSON、CSV、PDF のレポートとして保存します。変更申請の証跡になります。</translation>
    </message>
    <message>
        <source>Save as PDF, to print or attach to the ticket…</source>
        <translation>PDF として保存 (印刷やチケットへの添付用)…</translation>
    </message>
    <message>
        <source>Open a &amp;JSON report…</source>
        <translation>JSON レポートを開く(&amp;J)…</translation>
    </message>
    <message>
        <source>Open a JSON report</source>
        <translation>JSON レポートを開く</translation>
    </message>
    <message>
        <source>Shows a saved JSON report of amlfw check in the table, read-only, with its machine, time and scenario.</source>
        <translation>保存済みの amlfw check の JSON レポートを、実行したコンピューター、日時、シナリオとともに、読み取り専用で表に表示します。</translation>
    </message>
</context>
<context>
    <name>amlfw::LiveTestTableActions</name>
    <message>
        <source>&amp;Copy rows as TSV</source>
        <translation>行を TSV としてコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copies the selected rows, with a header line, for a spreadsheet or a ticket.</source>
        <translation>選択した行を見出し行付きでコピーします。スプレッドシートやチケットに貼り付けられます。</translation>
    </message>
    <message>
        <source>Copy &amp;host names</source>
        <translation>ホスト名をコピー(&amp;H)</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>詳細を表示(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>失敗を再テスト(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Test selected again</source>
        <translation>選択した行を再テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Tests the selected rows again, with every rule that shares their endpoints; the other rows keep their results.</source>
        <translation>選択した行を、そのエンドポイントを共有するすべての規則とともに再テストします。その他の行は結果を保持します。</translation>
    </message>
</context>
<context>
    <name>amlfw::ManagedNetworkExporter</name>
    <message>
        <source>%1 is left out: %2</source>
        <translation>%1 は含まれていません: %2</translation>
    </message>
    <message>
        <source>%1 (%2, port(s) %3) is left out: FQDN outbound rules of a managed network carry TCP ports 80 and 443 only. Ask whether a service tag or private endpoint rule covers it.</source>
        <translation>%1 (%2、ポート %3) は含まれていません。マネージド ネットワークの FQDN 送信規則は TCP ポート 80 と 443 のみを扱います。サービス タグまたはプライベート エンドポイントの規則で対応できるか確認してください。</translation>
    </message>
    <message>
        <source>%1 is allowed on ports 80 and 443 only; port(s) %2 are left out: FQDN outbound rules of a managed network carry ports 80 and 443 only.</source>
        <translation>%1 はポート 80 と 443 のみで許可されます。ポート %2 は含まれていません。マネージド ネットワークの FQDN 送信規則はポート 80 と 443 のみを扱います。</translation>
    </message>
    <message>
        <source>%1 is allowed over TCP only; the article&apos;s other protocols are left out: FQDN outbound rules carry HTTP and HTTPS.</source>
        <translation>%1 は TCP のみで許可されます。記事にあるその他のプロトコルは含まれていません。FQDN 送信規則は HTTP と HTTPS を扱います。</translation>
    </message>
    <message>
        <source>Fill in the resource ID of %1.</source>
        <translation>%1 のリソース ID を入力してください。</translation>
    </message>
    <message>
        <source>Fill in the subscription, the resource group and the resource name.</source>
        <translation>サブスクリプション、リソース グループ、リソース名を入力してください。</translation>
    </message>
    <message>
        <source>Fill in the subscription and the resource group of %1.</source>
        <translation>%1 のサブスクリプションとリソース グループを入力してください。</translation>
    </message>
    <message>
        <source>%1 is left out: a managed network has no outbound rule of this kind.</source>
        <translation>%1 は含まれていません。マネージド ネットワークにはこの種類の送信規則がありません。</translation>
    </message>
    <message>
        <source>These rules are for your own firewall, not for a managed virtual network: export the managed network&apos;s outbound rules with --network managed (edition 2026-03 or later), or your firewall&apos;s rules with --format arm, terraform or az-cli.</source>
        <translation>これらの規則はマネージド仮想ネットワーク用ではなく、お客様のファイアウォール用です。マネージド ネットワークの送信規則は --network managed (版 2026-03 以降) でエクスポートし、ファイアウォールの規則は --format arm、terraform、az-cli でエクスポートしてください。</translation>
    </message>
    <message numerus="yes">
        <source>%n private endpoint rule(s) name their resource by placeholders (&lt;SUBSCRIPTION_ID&gt;, &lt;RESOURCE_GROUP&gt;): fill them in before applying the file.</source>
        <translation>
            <numerusform>%n 個のプライベート エンドポイント規則は、リソースをプレースホルダー (&lt;SUBSCRIPTION_ID&gt;、&lt;RESOURCE_GROUP&gt;) で示しています。ファイルを適用する前に入力してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbound rules of an Azure Machine Learning workspace&apos;s managed virtual network: %1, %2.</source>
        <translation>Azure Machine Learning ワークスペースのマネージド仮想ネットワークの送信規則: %1、%2。</translation>
    </message>
    <message>
        <source>Generated by amlfw %1 from the article edition %2; features: %3.</source>
        <translation>amlfw %1 により記事の版 %2 から生成。機能: %3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Apply: az ml workspace update --file &lt;this file&gt; --resource-group &lt;group&gt; --name &lt;workspace&gt;</source>
        <translation>適用方法: az ml workspace update --file &lt;このファイル&gt; --resource-group &lt;リソース グループ&gt; --name &lt;ワークスペース&gt;</translation>
    </message>
    <message>
        <source>A workspace created with allow_internet_outbound cannot be changed to allow_only_approved_outbound; a managed network cannot be turned off.</source>
        <translation>allow_internet_outbound で作成したワークスペースは allow_only_approved_outbound に変更できません。マネージド ネットワークは無効にできません。</translation>
    </message>
    <message>
        <source>FQDN outbound rules are carried by an Azure Firewall that Azure adds to the managed network and bills; they allow ports 80 and 443 only.</source>
        <translation>FQDN 送信規則は、Azure がマネージド ネットワークに追加する (課金対象の) Azure Firewall によって処理されます。許可されるのはポート 80 と 443 のみです。</translation>
    </message>
    <message>
        <source>Azure adds these rules by itself (not in this file):</source>
        <translation>次の規則は Azure が自動で追加します (このファイルには含まれません):</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>含まれていないもの:</translation>
    </message>
    <message>
        <source>The same rules one at a time, with az ml workspace outbound-rule set (set RG and WS first: RG=my-group WS=my-workspace):</source>
        <translation>同じ規則を az ml workspace outbound-rule set で 1 つずつ追加する場合 (先に RG と WS を設定: RG=my-group WS=my-workspace):</translation>
    </message>
</context>
<context>
    <name>amlfw::NoticeBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>お知らせを閉じる</translation>
    </message>
    <message>
        <source>Hides this notice on every page.</source>
        <translation>すべてのページでこのお知らせを非表示にします。</translation>
    </message>
</context>
<context>
    <name>amlfw::PacAnswerParser</name>
    <message>
        <source>The PAC answered &quot;%1&quot;: &quot;%2&quot; is not DIRECT, PROXY, HTTP, HTTPS or SOCKS.</source>
        <translation>PAC の答え &quot;%1&quot;: &quot;%2&quot; は DIRECT、PROXY、HTTP、HTTPS、SOCKS のいずれでもありません。</translation>
    </message>
    <message>
        <source>The PAC answered &quot;%1&quot;: &quot;%2&quot; has no valid port.</source>
        <translation>PAC の答え &quot;%1&quot;: &quot;%2&quot; のポートが正しくありません。</translation>
    </message>
    <message>
        <source>The PAC answered &quot;%1&quot;: &quot;%2&quot; names no proxy host.</source>
        <translation>PAC の答え &quot;%1&quot;: &quot;%2&quot; にプロキシのホストがありません。</translation>
    </message>
</context>
<context>
    <name>amlfw::PacEngine</name>
    <message>
        <source>The PAC file %1 did not finish loading within %2 ms (an endless loop?).</source>
        <translation>PAC ファイル %1 の読み込みが %2 ms 以内に終わりませんでした (無限ループ?)。</translation>
    </message>
    <message>
        <source>The PAC file %1 has an error on line %2: %3</source>
        <translation>PAC ファイル %1 の %2 行目にエラーがあります: %3</translation>
    </message>
    <message>
        <source>The PAC file %1 defines no function FindProxyForURL(url, host).</source>
        <translation>PAC ファイル %1 には関数 FindProxyForURL(url, host) が定義されていません。</translation>
    </message>
    <message>
        <source>No PAC file is loaded.</source>
        <translation>PAC ファイルが読み込まれていません。</translation>
    </message>
    <message>
        <source>%1 in the PAC file %2 did not answer within %3 ms for %4 (an endless loop?).</source>
        <translation>PAC ファイル %2 の %1 が %4 に対して %3 ms 以内に答えませんでした (無限ループ?)。</translation>
    </message>
    <message>
        <source>%1 in the PAC file %2 failed on line %3 for %4: %5</source>
        <translation>PAC ファイル %2 の %1 が %4 に対して %3 行目で失敗しました: %5</translation>
    </message>
    <message>
        <source>%1 in the PAC file %2 threw &quot;%3&quot; for %4.</source>
        <translation>PAC ファイル %2 の %1 が %4 に対して &quot;%3&quot; をスローしました。</translation>
    </message>
    <message>
        <source>%1 in the PAC file %2 returned %3 for %4, not a text such as &quot;PROXY host:port; DIRECT&quot;.</source>
        <translation>PAC ファイル %2 の %1 が %4 に対して %3 を返しました。&quot;PROXY ホスト:ポート; DIRECT&quot; のような文字列ではありません。</translation>
    </message>
    <message>
        <source>%1 (PAC file %2, for %3)</source>
        <translation>%1 (PAC ファイル %2、%3)</translation>
    </message>
</context>
<context>
    <name>amlfw::PacLoader</name>
    <message>
        <source>Give the PAC file&apos;s path or URL (pac:FILE or pac:http://host/proxy.pac).</source>
        <translation>PAC ファイルのパスまたは URL を指定してください (pac:ファイル または pac:http://ホスト/proxy.pac)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a URL a PAC file can be fetched from.</source>
        <translation>&quot;%1&quot; は PAC ファイルを取得できる URL ではありません。</translation>
    </message>
    <message>
        <source>The PAC file %1 is larger than %2 KB.</source>
        <translation>PAC ファイル %1 が %2 KB を超えています。</translation>
    </message>
    <message>
        <source>The PAC file %1 did not arrive within %2 s.</source>
        <translation>PAC ファイル %1 が %2 秒以内に届きませんでした。</translation>
    </message>
    <message>
        <source>The PAC file %1 cannot be fetched: the server answered HTTP %2.</source>
        <translation>PAC ファイル %1 を取得できません: サーバーの応答は HTTP %2 でした。</translation>
    </message>
    <message>
        <source>The PAC file %1 cannot be fetched: %2</source>
        <translation>PAC ファイル %1 を取得できません: %2</translation>
    </message>
    <message>
        <source>Cannot read the PAC file %1: %2</source>
        <translation>PAC ファイル %1 を読み取れません: %2</translation>
    </message>
    <message>
        <source>Fetching the PAC file %1 was cancelled.</source>
        <translation>PAC ファイル %1 の取得をキャンセルしました。</translation>
    </message>
</context>
<context>
    <name>amlfw::PresentationZoom</name>
    <message>
        <source>Zoom %1%</source>
        <translation>ズーム %1%</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeAdvice</name>
    <message>
        <source>Ask the DNS team to resolve these names from this network: for a private endpoint, a private DNS zone (privatelink) linked to the network or a conditional forwarder to Azure DNS.</source>
        <translation>このネットワークから次の名前を解決できるよう、DNS の担当者に依頼してください。プライベート エンドポイントには、ネットワークにリンクされたプライベート DNS ゾーン (privatelink) か、Azure DNS への条件付きフォワーダーが必要です。</translation>
    </message>
    <message>
        <source>Ask the DNS team to resolve these names from this network (a forwarder to the internet or to Azure DNS).</source>
        <translation>このネットワークから次の名前を解決できるよう、DNS の担当者に依頼してください (インターネットまたは Azure DNS へのフォワーダー)。</translation>
    </message>
    <message>
        <source>Ask the network team for a route to these hosts through the firewall, or connect the VPN this machine uses.</source>
        <translation>ファイアウォールを経由して次のホストに至るルートをネットワークの担当者に依頼するか、このコンピューターが使う VPN に接続してください。</translation>
    </message>
    <message>
        <source>Ask the firewall team to allow these endpoints from this network, as the rules named say (in Azure Firewall: application rules for HTTP and HTTPS, network rules for the other ports).</source>
        <translation>このネットワークから次のエンドポイントを、記載の規則のとおり許可するよう、ファイアウォールの担当者に依頼してください (Azure Firewall では HTTP と HTTPS はアプリケーション規則、その他のポートはネットワーク規則)。</translation>
    </message>
    <message>
        <source>Ask the firewall team for application rules that allow these hosts on HTTPS: the connection opens, but the TLS handshake does not get through.</source>
        <translation>次のホストを HTTPS で許可するアプリケーション規則をファイアウォールの担当者に依頼してください。接続は開きますが、TLS ハンドシェイクが通りません。</translation>
    </message>
    <message>
        <source>Ask the firewall team to exempt these hosts from TLS inspection: Azure Machine Learning does not support it. To test through an inspection this machine does not trust, give its CA with --ca-bundle.</source>
        <translation>次のホストを TLS インスペクションの対象外にするよう、ファイアウォールの担当者に依頼してください。Azure Machine Learning は TLS インスペクションに対応していません。このコンピューターが信頼していないインスペクションを通してテストするには、その CA を --ca-bundle で指定してください。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s trusted certificates, or give the issuing CA with --ca-bundle.</source>
        <translation>このコンピューターの信頼された証明書を確認するか、発行元の CA を --ca-bundle で指定してください。</translation>
    </message>
    <message>
        <source>Install amlfw with its TLS plugin (plugins/tls).</source>
        <translation>TLS プラグイン (plugins/tls) を含めて amlfw をインストールしてください。</translation>
    </message>
    <message>
        <source>Ask the firewall team whether an application rule or web filter drops requests to these hosts.</source>
        <translation>次のホストへの要求をアプリケーション規則または Web フィルターが破棄していないか、ファイアウォールの担当者に確認してください。</translation>
    </message>
    <message>
        <source>Ask the firewall or proxy team to allow these hosts (an application rule, or the proxy&apos;s allow list).</source>
        <translation>次のホストを許可するよう、ファイアウォールまたはプロキシの担当者に依頼してください (アプリケーション規則、またはプロキシの許可リスト)。</translation>
    </message>
    <message>
        <source>Give the proxy credentials (--proxy http://user:password@host:port), or ask the proxy team to allow these hosts without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシの資格情報を指定するか (--proxy http://ユーザー:パスワード@ホスト:ポート)、Azure のコンピューティングでもいずれ必要になるため、認証なしで次のホストを許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>The proxy asks for %1, which amlfw does not speak: ask the proxy team to allow these hosts without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシは amlfw が対応していない %1 を求めています。Azure のコンピューティングでもいずれ必要になるため、認証なしで次のホストを許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>Ask the proxy team why the proxy cannot reach these endpoints.</source>
        <translation>プロキシが次のエンドポイントに到達できない理由をプロキシの担当者に確認してください。</translation>
    </message>
    <message>
        <source>Check the proxy setting (--proxy none, system or http://host:port).</source>
        <translation>プロキシの設定を確認してください (--proxy none、system、または http://ホスト:ポート)。</translation>
    </message>
    <message>
        <source>Run the test again: these endpoints did not finish.</source>
        <translation>テストをもう一度実行してください。次のエンドポイントは完了していません。</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s): %1</source>
        <translation>
            <numerusform>規則 %n 件: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>%1 として</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeBaseline</name>
    <message>
        <source>&quot;%1&quot; is not a JSON report of &quot;amlfw check&quot; (amlfw check --format json --output FILE).</source>
        <translation>&quot;%1&quot; は &quot;amlfw check&quot; の JSON レポートではありません (amlfw check --format json --output FILE)。</translation>
    </message>
    <message>
        <source>Cannot read the baseline &quot;%1&quot;: %2</source>
        <translation>比較元 &quot;%1&quot; を読み取れません: %2</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;</source>
        <translation>不明な状態「%1」</translation>
    </message>
    <message>
        <source>%1: %2 then, %3 now</source>
        <translation>%1: 以前は %2、現在は %3</translation>
    </message>
    <message>
        <source>edition</source>
        <translation>版</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <source>region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>storage account</source>
        <translation>ストレージ アカウント</translation>
    </message>
    <message>
        <source>now also %1</source>
        <translation>%1 が追加</translation>
    </message>
    <message>
        <source>no longer %1</source>
        <translation>%1 がなくなった</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>features</source>
        <translation>機能</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeCatalog</name>
    <message>
        <source>unknown placeholder &lt;%1&gt; (known: %2)</source>
        <translation>不明なプレースホルダー &lt;%1&gt; です (使用できるもの: %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name (wildcards cannot be tested)</source>
        <translation>&quot;%1&quot; はホスト名ではありません (ワイルドカードはテストできません)</translation>
    </message>
    <message>
        <source>must be an object keyed by destination</source>
        <translation>送信先をキーとするオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>no wildcard rule has the destination &quot;%1&quot;</source>
        <translation>送信先が &quot;%1&quot; のワイルドカード規則はありません</translation>
    </message>
    <message>
        <source>no service tag rule has the destination &quot;%1&quot;</source>
        <translation>送信先が &quot;%1&quot; のサービス タグ規則はありません</translation>
    </message>
    <message>
        <source>must be an object keyed by cloud id (or &quot;*&quot; for every cloud)</source>
        <translation>クラウド ID (すべてのクラウドは &quot;*&quot;) をキーとするオブジェクトである必要があります</translation>
    </message>
    <message>
        <source>unknown cloud &quot;%1&quot;</source>
        <translation>不明なクラウド &quot;%1&quot; です</translation>
    </message>
    <message>
        <source>no rule with this destination applies to cloud &quot;%1&quot;</source>
        <translation>この送信先の規則はクラウド &quot;%1&quot; には適用されません</translation>
    </message>
    <message>
        <source>must be a host name</source>
        <translation>ホスト名である必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a name that &quot;%2&quot; admits</source>
        <translation>&quot;%1&quot; は &quot;%2&quot; が許可する名前ではありません</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port</source>
        <translation>&quot;%1&quot; はポートではありません</translation>
    </message>
    <message>
        <source>duplicate id &quot;%1&quot;</source>
        <translation>ID &quot;%1&quot; が重複しています</translation>
    </message>
    <message>
        <source>must list at least one host pattern</source>
        <translation>ホストのパターンを 1 つ以上指定する必要があります</translation>
    </message>
    <message>
        <source>must list at least one issuer</source>
        <translation>発行者を 1 つ以上指定する必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host pattern</source>
        <translation>&quot;%1&quot; はホストのパターンではありません</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeOptions</name>
    <message>
        <source>&quot;%1&quot; is not a proxy: use none, system or http://[user:password@]host:port.</source>
        <translation>&quot;%1&quot; はプロキシではありません。none、system、または http://[ユーザー:パスワード@]ホスト:ポート を使用してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: only HTTP proxies (http://host:port) are supported, not %2.</source>
        <translation>&quot;%1&quot;: 対応しているのは HTTP プロキシ (http://ホスト:ポート) だけです。%2 には対応していません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: give the proxy&apos;s port, such as http://proxy.example.com:8080.</source>
        <translation>&quot;%1&quot;: プロキシのポートを指定してください (例: http://proxy.example.com:8080)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT:ADDRESS[,ADDRESS...] (such as api.example.com:443:10.0.0.5).</source>
        <translation>&quot;%1&quot; は HOST:PORT:ADDRESS[,ADDRESS...] の形式ではありません (例: api.example.com:443:10.0.0.5)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not an IP address.</source>
        <translation>&quot;%2&quot; の &quot;%1&quot; は IP アドレスではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT:HOST2:PORT2 (such as api.example.com:443:127.0.0.1:8443; empty parts match any host or port, or keep them).</source>
        <translation>&quot;%1&quot; は HOST:PORT:HOST2:PORT2 の形式ではありません (例: api.example.com:443:127.0.0.1:8443。空の部分はすべてのホストまたはポートに一致するか、元の値のままになります)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not WILDCARD=HOST (such as &apos;*.vault.azure.net=myvault.vault.azure.net&apos;).</source>
        <translation>&quot;%1&quot; は WILDCARD=HOST の形式ではありません (例: &apos;*.vault.azure.net=myvault.vault.azure.net&apos;)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name that can be tested (no wildcards).</source>
        <translation>&quot;%1&quot; はテストできるホスト名ではありません (ワイルドカードは使えません)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a wildcard destination such as *.vault.azure.net.</source>
        <translation>&quot;%1&quot; は *.vault.azure.net のようなワイルドカードの送信先ではありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a timeout: give milliseconds from %2 to %3.</source>
        <translation>&quot;%1&quot; はタイムアウトではありません。%2 から %3 のミリ秒で指定してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stage: use dns, tcp, tls or http (such as dns=2000,tls=8000).</source>
        <translation>&quot;%1&quot; は段階ではありません。dns、tcp、tls、http のいずれかを使用してください (例: dns=2000,tls=8000)。</translation>
    </message>
    <message>
        <source>Cannot read the CA bundle &quot;%1&quot;: %2</source>
        <translation>CA バンドル &quot;%1&quot; を読み取れません: %2</translation>
    </message>
    <message>
        <source>The CA bundle &quot;%1&quot; holds no certificate (PEM or DER).</source>
        <translation>CA バンドル &quot;%1&quot; に証明書 (PEM または DER) がありません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: give the PAC file&apos;s path or URL, such as pac:/etc/proxy.pac or pac:http://wpad.example.com/wpad.dat.</source>
        <translation>&quot;%1&quot;: PAC ファイルのパスまたは URL を指定してください (例: pac:/etc/proxy.pac、pac:http://wpad.example.com/wpad.dat)。</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbePlanner</name>
    <message>
        <source>&quot;%1&quot; is not a name that &quot;%2&quot; admits: a sample must be one of the hosts the rule allows.</source>
        <translation>&quot;%1&quot; は &quot;%2&quot; が許可する名前ではありません。代わりにテストするホストは、その規則が許可するホストのいずれかである必要があります。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a wildcard or service tag destination of this scenario: the sample is not used.</source>
        <translation>&quot;%1&quot; はこのシナリオのワイルドカードまたはサービス タグの送信先ではないため、指定したホストは使われません。</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeReport</name>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Host tested</source>
        <translation>テストしたホスト</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>CNAMEs</source>
        <translation>CNAME</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>時間 (ミリ秒)</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>What to ask for</source>
        <translation>依頼する内容</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Baseline status</source>
        <translation>比較元の状態</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <source>In the baseline, not in this run.</source>
        <translation>比較元にはありますが、今回の実行にはありません。</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Compared with %1 (%2): %3 fixed, %4 now failing, %5 changed, %6 new, %7 no longer tested.</source>
        <translation>%1 (%2) との比較: 修正済み %3 件、新たに失敗 %4 件、変化あり %5 件、新規 %6 件、テスト対象外になったもの %7 件。</translation>
    </message>
    <message>
        <source>What to ask for:</source>
        <translation>依頼する内容:</translation>
    </message>
    <message>
        <source>Endpoint test: %1</source>
        <translation>エンドポイントのテスト: %1</translation>
    </message>
    <message>
        <source>Endpoint test of the firewall rules for Azure Machine Learning</source>
        <translation>Azure Machine Learning のファイアウォール規則のエンドポイント テスト</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Storage account</source>
        <translation>ストレージ アカウント</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Catalog edition</source>
        <translation>カタログの版</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>コンピューター</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>オペレーティング システム</translation>
    </message>
    <message>
        <source>Proxy setting</source>
        <translation>プロキシ設定</translation>
    </message>
    <message>
        <source>Paths taken</source>
        <translation>使用した経路</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>ソフトウェア</translation>
    </message>
    <message>
        <source>Compared with the run of %1 on %2 (%3): %4 fixed, %5 now failing, %6 changed, %7 new, %8 no longer tested.</source>
        <translation>%2 での %1 の実行 (%3) との比較: 修正済み %4 件、新たに失敗 %5 件、変化あり %6 件、新規 %7 件、テスト対象外になったもの %8 件。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Ask for:</source>
        <translation>依頼する内容:</translation>
    </message>
    <message>
        <source>before: %1</source>
        <translation>以前: %1</translation>
    </message>
    <message>
        <source>In the baseline, not in this run</source>
        <translation>比較元にはあり、今回の実行にはないもの</translation>
    </message>
    <message>
        <source>Made by amlfw %1 from the catalog of the article &quot;%2&quot; (edition %3). Tests from one machine show what its network allows; the compute in Azure goes through the firewall&apos;s rules.</source>
        <translation>amlfw %1 が記事「%2」のカタログ (%3 版) から作成しました。1 台のコンピューターからのテストは、そのネットワークで許可されている通信を示すものです。Azure のコンピューティングの通信はファイアウォールの規則に従います。</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>Rules of the endpoint</source>
        <translation>このエンドポイントの規則</translation>
    </message>
    <message numerus="yes">
        <source>%n distinct endpoint(s) tested from %1: %2 reachable, %3 failed.</source>
        <translation>
            <numerusform>%1 から %n 件の異なるエンドポイントをテストしました: 到達可能 %2 件、失敗 %3 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They stand for %n rule row(s); %1 more not testable from here.</source>
        <translation>
            <numerusform>これらは規則の %n 行に当たります。ほかに %1 行はここからテストできません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n endpoint(s))</source>
        <translation>
            <numerusform>(エンドポイント %n 件)</numerusform>
        </translation>
    </message>
    <message>
        <source>Scenario and vantage point</source>
        <translation>シナリオとテスト元</translation>
    </message>
    <message>
        <source>Endpoints tested</source>
        <translation>テストしたエンドポイント</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>request %1 above</source>
        <translation>上記の依頼 %1</translation>
    </message>
    <message>
        <source>Not testable from here</source>
        <translation>ここからはテスト不可</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message numerus="yes">
        <source>Tested %n distinct endpoint(s) from %1 in %2: %3 reachable, %4 failed.</source>
        <translation>
            <numerusform>%1 から %n 件の異なるエンドポイントを %2 でテストしました: 到達可能 %3 件、失敗 %4 件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeReportReader</name>
    <message>
        <source>&quot;%1&quot; is not a JSON report of &quot;amlfw check&quot; (amlfw check --format json --output FILE).</source>
        <translation>&quot;%1&quot; は &quot;amlfw check&quot; の JSON レポートではありません (amlfw check --format json --output FILE)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be read as a JSON report: %2</source>
        <translation>&quot;%1&quot; は JSON レポートとして読み取れません: %2</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;</source>
        <translation>不明な状態「%1」</translation>
    </message>
    <message>
        <source>Cannot read the report &quot;%1&quot;: %2</source>
        <translation>レポート &quot;%1&quot; を読み取れません: %2</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeResultModel</name>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Host tested</source>
        <translation>テストしたホスト</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変化</translation>
    </message>
</context>
<context>
    <name>amlfw::ProbeTexts</name>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>テスト中</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>Name not resolved</source>
        <translation>名前を解決できない</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>接続拒否</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>接続タイムアウト</translation>
    </message>
    <message>
        <source>No route</source>
        <translation>ルートなし</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation>TLS 失敗</translation>
    </message>
    <message>
        <source>TLS timed out</source>
        <translation>TLS タイムアウト</translation>
    </message>
    <message>
        <source>TLS inspected</source>
        <translation>TLS インスペクションあり</translation>
    </message>
    <message>
        <source>No HTTP answer</source>
        <translation>HTTP の応答なし</translation>
    </message>
    <message>
        <source>Blocked by a firewall or proxy</source>
        <translation>ファイアウォールまたはプロキシがブロック</translation>
    </message>
    <message>
        <source>Proxy wants credentials</source>
        <translation>プロキシが資格情報を要求</translation>
    </message>
    <message>
        <source>Proxy failed</source>
        <translation>プロキシの失敗</translation>
    </message>
    <message>
        <source>Not testable from here</source>
        <translation>ここからはテスト不可</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Inbound traffic comes from Azure to the compute subnet: it cannot be tested from this machine.</source>
        <translation>受信トラフィックは Azure からコンピューティングのサブネットに届くため、このコンピューターからはテストできません。</translation>
    </message>
    <message>
        <source>A user-defined route of the compute subnet: it is configured in the route table, not tested from this machine.</source>
        <translation>コンピューティングのサブネットのユーザー定義のルートです。ルート テーブルで構成するもので、このコンピューターからはテストしません。</translation>
    </message>
    <message>
        <source>A wildcard cannot be tested as such, and no concrete host can be derived from your answers: give one to test (amlfw check --sample &apos;%1=HOST&apos;).</source>
        <translation>ワイルドカードはそのままではテストできず、回答から具体的なホストを導き出すこともできません。テストするホストを指定してください (amlfw check --sample &apos;%1=HOST&apos;)。</translation>
    </message>
    <message>
        <source>A service tag is a set of address ranges, and amlfw knows no representative host for %1: give one to test (amlfw check --sample &apos;%1=HOST&apos;).</source>
        <translation>サービス タグはアドレス範囲の集まりで、amlfw は %1 の代表的なホストを知りません。テストするホストを指定してください (amlfw check --sample &apos;%1=HOST&apos;)。</translation>
    </message>
    <message>
        <source>%1 stands for %2: a host of your storage account.</source>
        <translation>%1 で %2 を代表させています: ご使用のストレージ アカウントのホストです。</translation>
    </message>
    <message>
        <source>%1 stands for %2: the host you gave.</source>
        <translation>%1 で %2 を代表させています: 指定されたホストです。</translation>
    </message>
    <message>
        <source>%1 stands for the service tag %2: a host within its address ranges. Other addresses of the tag are not tested.</source>
        <translation>%1 でサービス タグ %2 を代表させています: そのアドレス範囲内のホストです。タグのほかのアドレスはテストしていません。</translation>
    </message>
    <message>
        <source>public</source>
        <translation>パブリック</translation>
    </message>
    <message>
        <source>private</source>
        <translation>プライベート</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>ループバック</translation>
    </message>
    <message>
        <source>link-local</source>
        <translation>リンクローカル</translation>
    </message>
    <message>
        <source>[pinned]</source>
        <translation>[固定]</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>未試行</translation>
    </message>
    <message>
        <source>connected in %1</source>
        <translation>%1 で接続</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>no answer within %1</source>
        <translation>%1 以内に応答なし</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>到達不能</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>certificate %1 issued by %2</source>
        <translation>証明書 %1、発行者 %2</translation>
    </message>
    <message>
        <source>no handshake</source>
        <translation>ハンドシェイクなし</translation>
    </message>
    <message>
        <source>%1: connection closed without an answer</source>
        <translation>%1: 応答なしで接続が閉じられました</translation>
    </message>
    <message>
        <source>%1: no answer</source>
        <translation>%1: 応答なし</translation>
    </message>
    <message>
        <source>%1: not an HTTP answer</source>
        <translation>%1: HTTP の応答ではありません</translation>
    </message>
    <message>
        <source>proxy %1 (system setting)</source>
        <translation>プロキシ %1 (システム設定)</translation>
    </message>
    <message>
        <source>proxy %1</source>
        <translation>プロキシ %1</translation>
    </message>
    <message>
        <source>proxy %1 (not supported)</source>
        <translation>プロキシ %1 (非対応)</translation>
    </message>
    <message>
        <source>direct (the proxy carries web traffic only)</source>
        <translation>直接 (プロキシは Web トラフィックだけを中継します)</translation>
    </message>
    <message>
        <source>direct (no system proxy for this address)</source>
        <translation>直接 (このアドレスにはシステムのプロキシなし)</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>%1 へ</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>Reachable: the connection opens, the certificate is trusted and the service answers.</source>
        <translation>到達可能: 接続が確立し、証明書が信頼され、サービスが応答します。</translation>
    </message>
    <message>
        <source>Reachable: the connection opens and the service answers.</source>
        <translation>到達可能: 接続が確立し、サービスが応答します。</translation>
    </message>
    <message>
        <source>Reachable: the connection opens and the certificate is trusted.</source>
        <translation>到達可能: 接続が確立し、証明書が信頼されます。</translation>
    </message>
    <message>
        <source>Reachable: the connection opens.</source>
        <translation>到達可能: 接続が確立します。</translation>
    </message>
    <message>
        <source>This machine got no DNS answer for %1 in time.</source>
        <translation>このコンピューターは %1 について時間内に DNS の応答を得られませんでした。</translation>
    </message>
    <message>
        <source>This machine cannot resolve the name %1.</source>
        <translation>このコンピューターは名前 %1 を解決できません。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused: a firewall in the path rejects it, or nothing listens there.</source>
        <translation>%1 への接続が拒否されました。経路上のファイアウォールが拒否しているか、接続先で何も待ち受けていません。</translation>
    </message>
    <message>
        <source>The connection to %1 got no answer: a firewall in the path most likely drops it.</source>
        <translation>%1 への接続に応答がありません。経路上のファイアウォールが破棄している可能性が高いです。</translation>
    </message>
    <message>
        <source>There is no route from this machine to the addresses of %1.</source>
        <translation>このコンピューターから %1 のアドレスへのルートがありません。</translation>
    </message>
    <message>
        <source>The certificate is not trusted by this machine, and it was issued by %1, not by an issuer of this service: most likely a firewall or proxy inspects TLS with a certificate this machine does not trust.</source>
        <translation>証明書はこのコンピューターで信頼されておらず、発行者はこのサービスの発行者ではなく %1 です。ファイアウォールまたはプロキシが、このコンピューターの信頼しない証明書で TLS インスペクションを行っている可能性が高いです。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted by this machine, so the connection was not used.</source>
        <translation>%1 の証明書はこのコンピューターで信頼されていないため、接続を使用しませんでした。</translation>
    </message>
    <message>
        <source>The connection was closed during the TLS handshake: a firewall that filters by host name (SNI) most likely refused %1.</source>
        <translation>TLS ハンドシェイク中に接続が閉じられました。ホスト名 (SNI) でフィルターするファイアウォールが %1 を拒否した可能性が高いです。</translation>
    </message>
    <message>
        <source>TLS is not available in this installation of amlfw (the OpenSSL plugin is missing).</source>
        <translation>このインストールの amlfw では TLS を使用できません (OpenSSL プラグインがありません)。</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed.</source>
        <translation>%1 との TLS ハンドシェイクが失敗しました。</translation>
    </message>
    <message>
        <source>The connection opened, but the TLS handshake did not finish in time: something accepts the connection and then holds it, as firewalls and proxies that filter by host name do.</source>
        <translation>接続は確立しましたが、TLS ハンドシェイクが時間内に終わりませんでした。ホスト名でフィルターするファイアウォールやプロキシのように、何かが接続を受け付けたまま保留しています。</translation>
    </message>
    <message>
        <source>The connection works, but the certificate was issued by %1, not by an issuer of this service: a firewall or proxy decrypts and inspects this traffic.</source>
        <translation>接続はできますが、証明書の発行者はこのサービスの発行者ではなく %1 です。ファイアウォールまたはプロキシがこのトラフィックを復号して検査しています。</translation>
    </message>
    <message>
        <source>The connection opened, but no usable HTTP answer came back: something in the path drops the request.</source>
        <translation>接続は確立しましたが、使える HTTP の応答が返りませんでした。経路上の何かが要求を破棄しています。</translation>
    </message>
    <message>
        <source>A firewall or proxy answered in place of the service and refused the request (HTTP %1).</source>
        <translation>サービスの代わりにファイアウォールまたはプロキシが応答し、要求を拒否しました (HTTP %1)。</translation>
    </message>
    <message>
        <source>The proxy did not accept the credentials given.</source>
        <translation>プロキシは指定された資格情報を受け付けませんでした。</translation>
    </message>
    <message>
        <source>The proxy asks for credentials before it lets the request through.</source>
        <translation>プロキシは要求を通す前に資格情報を求めています。</translation>
    </message>
    <message>
        <source>The system proxy %1 is of a kind amlfw does not speak (only HTTP proxies).</source>
        <translation>システムのプロキシ %1 は amlfw が対応していない種類です (対応は HTTP プロキシのみ)。</translation>
    </message>
    <message>
        <source>The proxy&apos;s name %1 cannot be resolved.</source>
        <translation>プロキシの名前 %1 を解決できません。</translation>
    </message>
    <message>
        <source>The proxy %1 cannot be reached.</source>
        <translation>プロキシ %1 に到達できません。</translation>
    </message>
    <message>
        <source>The proxy could not reach %1 (it answered %2).</source>
        <translation>プロキシは %1 に到達できませんでした (応答 %2)。</translation>
    </message>
    <message>
        <source>The proxy did not answer in time.</source>
        <translation>プロキシが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The proxy closed the connection or gave no valid answer.</source>
        <translation>プロキシが接続を閉じたか、有効な応答を返しませんでした。</translation>
    </message>
    <message>
        <source>The test was stopped before this endpoint finished.</source>
        <translation>このエンドポイントのテストが終わる前に中止されました。</translation>
    </message>
    <message>
        <source>Ask the firewall team to allow %1 on port %2 from this network (in Azure Firewall: an application rule, amlfw rule %3).</source>
        <translation>このネットワークからポート %2 の %1 を許可するよう、ファイアウォールの担当者に依頼してください (Azure Firewall ではアプリケーション規則、amlfw の規則 %3)。</translation>
    </message>
    <message>
        <source>Ask the firewall team to allow TCP %1 to %2 from this network (in Azure Firewall: a network rule, amlfw rule %3).</source>
        <translation>このネットワークから %2 への TCP %1 を許可するよう、ファイアウォールの担当者に依頼してください (Azure Firewall ではネットワーク規則、amlfw の規則 %3)。</translation>
    </message>
    <message>
        <source>Ask the DNS team to resolve %1 from this network: for a private endpoint, a private DNS zone (privatelink) linked to the network or a conditional forwarder to Azure DNS.</source>
        <translation>このネットワークから %1 を解決できるよう、DNS の担当者に依頼してください。プライベート エンドポイントの場合は、ネットワークにリンクされたプライベート DNS ゾーン (privatelink) または Azure DNS への条件付きフォワーダーが必要です。</translation>
    </message>
    <message>
        <source>Ask the DNS team to resolve %1 from this network (a forwarder to the internet or to Azure DNS).</source>
        <translation>このネットワークから %1 を解決できるよう、DNS の担当者に依頼してください (インターネットまたは Azure DNS へのフォワーダー)。</translation>
    </message>
    <message>
        <source>Ask the network team for a route to %1 through the firewall, or connect the VPN this machine uses.</source>
        <translation>ファイアウォールを経由する %1 へのルートをネットワークの担当者に依頼するか、このコンピューターが使用する VPN に接続してください。</translation>
    </message>
    <message>
        <source>Ask the firewall team to exempt %1 from TLS inspection: Azure Machine Learning does not support it. To test through the inspection anyway, give its CA with --ca-bundle.</source>
        <translation>%1 を TLS インスペクションの対象外にするよう、ファイアウォールの担当者に依頼してください。Azure Machine Learning は TLS インスペクションに対応していません。それでもインスペクション越しにテストするには、その CA を --ca-bundle で指定してください。</translation>
    </message>
    <message>
        <source>Check this machine&apos;s trusted certificates, or give the issuing CA with --ca-bundle.</source>
        <translation>このコンピューターの信頼された証明書を確認するか、発行元の CA を --ca-bundle で指定してください。</translation>
    </message>
    <message>
        <source>Install amlfw with its TLS plugin (plugins/tls).</source>
        <translation>TLS プラグイン (plugins/tls) を含めて amlfw をインストールしてください。</translation>
    </message>
    <message>
        <source>Ask the firewall team for an application rule that allows %1 on HTTPS 443 (rule %2).</source>
        <translation>HTTPS 443 で %1 を許可するアプリケーション規則を、ファイアウォールの担当者に依頼してください (規則 %2)。</translation>
    </message>
    <message>
        <source>Ask the firewall team to exempt %1 from TLS inspection: Azure Machine Learning does not support it.</source>
        <translation>%1 を TLS インスペクションの対象外にするよう、ファイアウォールの担当者に依頼してください。Azure Machine Learning は TLS インスペクションに対応していません。</translation>
    </message>
    <message>
        <source>Ask the firewall team whether an application rule or web filter drops requests to %1 (rule %2).</source>
        <translation>%1 への要求をアプリケーション規則や Web フィルターが破棄していないか、ファイアウォールの担当者に確認してください (規則 %2)。</translation>
    </message>
    <message>
        <source>Ask the firewall or proxy team to allow %1 (an application rule, or the proxy&apos;s allow list; rule %2).</source>
        <translation>%1 を許可するよう、ファイアウォールまたはプロキシの担当者に依頼してください (アプリケーション規則、またはプロキシの許可リスト。規則 %2)。</translation>
    </message>
    <message>
        <source>The proxy asks for %1, which amlfw does not speak: ask the proxy team to allow %2 without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシは amlfw が対応していない %1 を求めています。Azure のコンピューティングでもいずれ必要になるため、認証なしで %2 を許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>Give the proxy credentials (--proxy http://user:password@host:port), or ask the proxy team to allow %1 without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシの資格情報を指定するか (--proxy http://ユーザー:パスワード@ホスト:ポート)、Azure のコンピューティングでもいずれ必要になるため、認証なしで %1 を許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>Ask the proxy team why the proxy cannot reach %1.</source>
        <translation>プロキシが %1 に到達できない理由をプロキシの担当者に確認してください。</translation>
    </message>
    <message>
        <source>Check the proxy setting (--proxy none, system or http://host:port).</source>
        <translation>プロキシの設定を確認してください (--proxy none、system、または http://ホスト:ポート)。</translation>
    </message>
    <message>
        <source>Give a concrete host to test it (--sample).</source>
        <translation>テストするには具体的なホストを指定してください (--sample)。</translation>
    </message>
    <message>
        <source>Run the test again.</source>
        <translation>テストをもう一度実行してください。</translation>
    </message>
    <message>
        <source>no DNS answer within %1</source>
        <translation>%1 以内に DNS の応答なし</translation>
    </message>
    <message>
        <source>resolver: %1</source>
        <translation>リゾルバー: %1</translation>
    </message>
    <message>
        <source>no TLS answer within %1</source>
        <translation>%1 以内に TLS の応答なし</translation>
    </message>
    <message>
        <source>certificate: %1</source>
        <translation>証明書: %1</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>発行者 %1</translation>
    </message>
    <message>
        <source>expected: %1</source>
        <translation>想定される発行者: %1</translation>
    </message>
    <message>
        <source>the proxy answered CONNECT with %1</source>
        <translation>プロキシは CONNECT に %1 で応答しました</translation>
    </message>
    <message>
        <source>sign of a proxy: %1</source>
        <translation>プロキシの形跡: %1</translation>
    </message>
    <message>
        <source>authentication: %1</source>
        <translation>認証: %1</translation>
    </message>
    <message>
        <source>The name points to a private link zone but resolves to a public address: this machine does not see the private endpoint&apos;s DNS record (private DNS zone not linked, or no conditional forwarder).</source>
        <translation>名前はプライベート リンクのゾーンを指していますが、パブリック アドレスに解決されます。このコンピューターからはプライベート エンドポイントの DNS レコードが見えません (プライベート DNS ゾーンがリンクされていないか、条件付きフォワーダーがありません)。</translation>
    </message>
    <message>
        <source>Resolves to a private address: the traffic goes to a private endpoint or through your network, not to the internet.</source>
        <translation>プライベート アドレスに解決されます。トラフィックはインターネットではなく、プライベート エンドポイントまたは社内ネットワークを通ります。</translation>
    </message>
    <message>
        <source>This machine cannot resolve the name itself; the proxy does.</source>
        <translation>このコンピューター自身は名前を解決できません。解決はプロキシが行います。</translation>
    </message>
    <message>
        <source>Tested directly: a proxy carries web traffic only, not port %1.</source>
        <translation>直接テストしました。プロキシが中継するのは Web トラフィックだけで、ポート %1 は中継しません。</translation>
    </message>
    <message>
        <source>IPv6 fails while IPv4 works: programs that prefer IPv6 may wait or fail.</source>
        <translation>IPv4 は使えますが IPv6 は失敗します。IPv6 を優先するプログラムは待たされるか失敗することがあります。</translation>
    </message>
    <message>
        <source>IPv4 fails while IPv6 works: programs that use IPv4 will fail.</source>
        <translation>IPv6 は使えますが IPv4 は失敗します。IPv4 を使うプログラムは失敗します。</translation>
    </message>
    <message>
        <source>none: direct connections</source>
        <translation>なし: 直接接続</translation>
    </message>
    <message>
        <source>the system&apos;s proxy setting</source>
        <translation>システムのプロキシ設定</translation>
    </message>
    <message>
        <source>%1 stands for %2: the host of your region.</source>
        <translation>%1 で %2 を代表させています: ご使用のリージョンのホストです。</translation>
    </message>
    <message>
        <source>%1 stands for %2: a well-known host of the wildcard.</source>
        <translation>%1 で %2 を代表させています: このワイルドカードのよく知られたホストです。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>変化なし</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>修正済み</translation>
    </message>
    <message>
        <source>now failing</source>
        <translation>新たに失敗</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>変化あり</translation>
    </message>
    <message>
        <source>UDP has no connection to test: nothing answers a client&apos;s datagram to port %1 that would tell an allowed port from a blocked one. Check the firewall rule itself.</source>
        <translation>UDP にはテストできる接続がありません。ポート %1 へのクライアントのデータグラムには、許可されたポートとブロックされたポートを見分けられる応答が返りません。ファイアウォール規則そのものを確認してください。</translation>
    </message>
    <message>
        <source>%1 still holds a placeholder: amlfw can test it once you give %2.</source>
        <translation>%1 にはまだプレースホルダーが残っています。%2 を指定すると amlfw でテストできます。</translation>
    </message>
    <message>
        <source>A private endpoint of the workspace&apos;s managed virtual network: it is reachable only inside that network, which Azure manages, so it cannot be tested from this machine.</source>
        <translation>ワークスペースのマネージド仮想ネットワークのプライベート エンドポイントです。Azure が管理するそのネットワークの中からしか到達できないため、このコンピューターからはテストできません。</translation>
    </message>
    <message>
        <source>Give %1, then test again.</source>
        <translation>%1 を指定してから、もう一度テストしてください。</translation>
    </message>
    <message>
        <source>The rule allows any protocol: tested as TCP %1. Its UDP part cannot be proven from a client.</source>
        <translation>この規則はすべてのプロトコルを許可します: TCP %1 としてテストしました。UDP の部分はクライアントからは証明できません。</translation>
    </message>
    <message>
        <source>%1 authentication</source>
        <translation>%1 認証</translation>
    </message>
    <message>
        <source>The proxy asks for %1, which amlfw does not speak.</source>
        <translation>プロキシは %1 を求めていますが、amlfw はこの方式に対応していません。</translation>
    </message>
    <message>
        <source>The proxy&apos;s %1 challenge could not be read.</source>
        <translation>プロキシの %1 チャレンジを読み取れませんでした。</translation>
    </message>
    <message>
        <source>The proxy closed the connection in the middle of the %1 handshake, which needs one connection kept open.</source>
        <translation>プロキシが %1 のハンドシェイクの途中で接続を閉じました。このハンドシェイクでは 1 つの接続を開いたままにしておく必要があります。</translation>
    </message>
    <message>
        <source>The proxy did not accept the Windows sign-on of the logged-on user (%1).</source>
        <translation>プロキシは、ログオン中のユーザーの Windows サインオン (%1) を受け付けませんでした。</translation>
    </message>
    <message>
        <source>The proxy did not accept the credentials given (%1 authentication).</source>
        <translation>プロキシは指定された資格情報を受け付けませんでした (%1 認証)。</translation>
    </message>
    <message>
        <source>The proxy asks for credentials (%1) before it lets the request through.</source>
        <translation>プロキシは要求を通す前に資格情報 (%1) を求めています。</translation>
    </message>
    <message>
        <source>The proxy takes only Negotiate (Kerberos). amlfw signs on with the Windows login on Windows only; elsewhere give a user and password (--proxy http://DOMAIN%5Cuser:password@host:port, sent as NTLM inside Negotiate), or ask the proxy team to allow %1 without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシは Negotiate (Kerberos) のみを受け付けます。amlfw が Windows のログオンでサインオンできるのは Windows 上だけです。それ以外の環境ではユーザー名とパスワードを指定するか (--proxy http://DOMAIN%5Cuser:password@host:port。Negotiate の中で NTLM として送信します)、Azure のコンピューティングでもいずれ必要になるため、認証なしで %1 を許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>Give the proxy credentials (--proxy http://DOMAIN%5Cuser:password@host:port or user@domain; NTLM, Digest and Basic are supported, the Windows login only on Windows), or ask the proxy team to allow %1 without authentication, as the compute in Azure will need anyway.</source>
        <translation>プロキシの資格情報を指定するか (--proxy http://DOMAIN%5Cuser:password@host:port または user@domain。NTLM、Digest、Basic に対応し、Windows のログオンは Windows 上でのみ使えます)、Azure のコンピューティングでもいずれ必要になるため、認証なしで %1 を許可するようプロキシの担当者に依頼してください。</translation>
    </message>
    <message>
        <source>The proxy accepted the connection to %1 and then closed the tunnel before the TLS handshake: the proxy, or what it connected to, refused it.</source>
        <translation>プロキシは %1 への接続を受け付けた後、TLS ハンドシェイクの前にトンネルを閉じました: プロキシ、またはその接続先が拒否しています。</translation>
    </message>
    <message>
        <source>more than %1 interim answers (1xx) and no final one</source>
        <translation>%1 個を超える中間応答 (1xx) があり、最終応答がありません</translation>
    </message>
    <message>
        <source>proxy %1: only HTTP proxies are supported</source>
        <translation>プロキシ %1: HTTP プロキシのみサポートしています</translation>
    </message>
    <message>
        <source>the proxy&apos;s name %1 does not resolve</source>
        <translation>プロキシの名前 %1 を名前解決できません</translation>
    </message>
    <message>
        <source>no connection to the proxy %1</source>
        <translation>プロキシ %1 に接続できません</translation>
    </message>
    <message>
        <source>the proxy closed the connection without answering CONNECT</source>
        <translation>プロキシは CONNECT に応答せずに接続を閉じました</translation>
    </message>
    <message>
        <source>no answer to CONNECT within %1</source>
        <translation>%1 以内に CONNECT への応答がありません</translation>
    </message>
    <message>
        <source>the proxy&apos;s answer to CONNECT is not a usable HTTP answer</source>
        <translation>CONNECT へのプロキシの応答は使用できる HTTP 応答ではありません</translation>
    </message>
    <message>
        <source>the proxy answered CONNECT with %1, then closed the tunnel before the TLS handshake</source>
        <translation>プロキシは CONNECT に %1 で応答した後、TLS ハンドシェイクの前にトンネルを閉じました</translation>
    </message>
    <message>
        <source>the connection was closed during the TLS handshake, before any certificate came</source>
        <translation>証明書が届く前に、TLS ハンドシェイク中に接続が閉じられました</translation>
    </message>
    <message>
        <source>no TLS library: the OpenSSL plugin is missing</source>
        <translation>TLS ライブラリがありません: OpenSSL プラグインが見つかりません</translation>
    </message>
    <message>
        <source>the TLS handshake failed without a certificate error</source>
        <translation>証明書エラーなしで TLS ハンドシェイクが失敗しました</translation>
    </message>
    <message>
        <source>the certificate is not trusted</source>
        <translation>証明書が信頼されていません</translation>
    </message>
    <message>
        <source>proxy %1 (PAC: &quot;%2&quot;)</source>
        <translation>プロキシ %1 (PAC: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>proxy %1, not supported (PAC: &quot;%2&quot;)</source>
        <translation>プロキシ %1、非対応 (PAC: &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>direct (PAC: &quot;%1&quot;)</source>
        <translation>直接 (PAC: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>after %1 failed</source>
        <translation>(%1 は失敗)</translation>
    </message>
    <message>
        <source>the PAC file %1</source>
        <translation>PAC ファイル %1</translation>
    </message>
    <message>
        <source>The PAC file gave no usable answer: %1</source>
        <translation>PAC ファイルから使える答えが得られませんでした: %1</translation>
    </message>
    <message>
        <source>The PAC file names the proxy %1 (&quot;%2&quot;), of a kind amlfw does not speak (only HTTP proxies).</source>
        <translation>PAC ファイルが指定したプロキシ %1 (&quot;%2&quot;) は amlfw が対応していない種類です (対応は HTTP プロキシのみ)。</translation>
    </message>
    <message>
        <source>the PAC answered &quot;%1&quot;</source>
        <translation>PAC の答え &quot;%1&quot;</translation>
    </message>
    <message>
        <source>DEMO: a simulated network on this computer (127.0.0.1), not a real test. Do not use these results as evidence.</source>
        <translation>DEMO: このコンピューター上の模擬ネットワーク (127.0.0.1) での結果で、実際のテストではありません。証拠として使わないでください。</translation>
    </message>
</context>
<context>
    <name>amlfw::Problem</name>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>amlfw::Profile</name>
    <message>
        <source>cannot open the profile: %1</source>
        <translation>プロファイルを開けません: %1</translation>
    </message>
    <message>
        <source>the profile is too large (%1 bytes; at most %2)</source>
        <translation>プロファイルが大きすぎます (%1 バイト。上限は %2)</translation>
    </message>
    <message>
        <source>the profile must be a JSON object</source>
        <translation>プロファイルは JSON オブジェクトである必要があります</translation>
    </message>
    <message>
        <source>unsupported profile format (this amlfw reads format %1)</source>
        <translation>サポートされていないプロファイルの形式です (この amlfw が読み込めるのは形式 %1 です)</translation>
    </message>
    <message>
        <source>unknown field, ignored</source>
        <translation>不明なフィールドです。無視します</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>長すぎます</translation>
    </message>
    <message>
        <source>must be an array of feature ids</source>
        <translation>機能 ID の配列である必要があります</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a route method (service-tags or ip-ranges)</source>
        <translation>「%1」はルートの方式ではありません (service-tags または ip-ranges)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a language (en or ja)</source>
        <translation>「%1」は言語ではありません (en または ja)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network (customer or managed)</source>
        <translation>「%1」はネットワークの種類ではありません (customer または managed)</translation>
    </message>
</context>
<context>
    <name>amlfw::RegionModel</name>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Paired region</source>
        <translation>ペアになっているリージョン</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>提供あり</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>提供なし</translation>
    </message>
    <message>
        <source>Azure Machine Learning is not offered in this region.</source>
        <translation>このリージョンでは Azure Machine Learning は提供されていません。</translation>
    </message>
    <message>
        <source>Programmatic name</source>
        <translation>プログラム名</translation>
    </message>
    <message>
        <source>Azure ML</source>
        <translation>Azure ML</translation>
    </message>
</context>
<context>
    <name>amlfw::RegionPage</name>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Which region is the workspace in?</source>
        <translation>ワークスペースはどのリージョンにありますか?</translation>
    </message>
    <message>
        <source>Regional service tags and host names follow the region of the workspace.</source>
        <translation>リージョンのサービス タグとホスト名は、ワークスペースのリージョンによって決まります。</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>Name or programmatic name, e.g. Japan East or japaneast</source>
        <translation>名前またはプログラム名。例: 東日本、japaneast</translation>
    </message>
    <message>
        <source>Search regions</source>
        <translation>リージョンの検索</translation>
    </message>
    <message>
        <source>Type any part of a region&apos;s name, in English or Japanese, or its programmatic name.</source>
        <translation>リージョン名の一部 (英語または日本語) かプログラム名を入力してください。</translation>
    </message>
    <message>
        <source>&amp;Regions of %1:</source>
        <translation>%1 のリージョン(&amp;R):</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Regions of the chosen cloud, grouped by geography, with the paired region and whether Azure Machine Learning is offered.</source>
        <translation>選択したクラウドのリージョン (地域別)。ペアになっているリージョンと、Azure Machine Learning が提供されているかどうかを示します。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Chosen: %1 · paired region: %2</source>
        <translation>選択: %1 · ペアになっているリージョン: %2</translation>
    </message>
    <message>
        <source>No region chosen yet.</source>
        <translation>リージョンがまだ選択されていません。</translation>
    </message>
    <message>
        <source>No region of %1 matches &quot;%2&quot;.</source>
        <translation>&quot;%2&quot; に一致する %1 のリージョンはありません。</translation>
    </message>
    <message>
        <source>Did you mean %1 (%2)?</source>
        <translation>%1 (%2) ではありませんか?</translation>
    </message>
    <message>
        <source>Filters the list of regions. Enter chooses the first match when the chosen region is not among them; Down goes to the list, Escape clears the search.</source>
        <translation>リージョンの一覧を絞り込みます。選択中のリージョンが一致しないときは Enter で最初の一致を選びます。↓キーで一覧へ移動し、Esc キーで検索を消去します。</translation>
    </message>
</context>
<context>
    <name>amlfw::RuleDetails</name>
    <message>
        <source>In the article</source>
        <translation>記事での表記</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>From</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol and ports</source>
        <translation>プロトコルとポート</translation>
    </message>
    <message>
        <source>Required for</source>
        <translation>次のために必須</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>Rule ID</source>
        <translation>規則 ID</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Where the article lists it</source>
        <translation>記事での記載箇所</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>About this scenario</source>
        <translation>このシナリオについて</translation>
    </message>
    <message>
        <source>Select a rule to see its purpose, where the article lists it, its notes and how Azure Firewall carries it.</source>
        <translation>規則を選択すると、目的、記事での記載箇所、注意事項、Azure Firewall での扱いが表示されます。</translation>
    </message>
    <message>
        <source>No rule in this tab matches “%1”.</source>
        <translation>このタブには「%1」に一致する規則がありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) in other tabs match; the tab titles count them.</source>
        <translation>
            <numerusform>他のタブで %n 件の規則が一致します。件数はタブの見出しに表示されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>No rule in any tab matches. Escape in the filter field shows all rules again.</source>
        <translation>どのタブにも一致する規則がありません。フィルターの欄で Esc キーを押すと、すべての規則が再び表示されます。</translation>
    </message>
    <message numerus="yes">
        <source>%n prefix(es) (%1)</source>
        <translation>
            <numerusform>%n 個 (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide the list</source>
        <translation>一覧を隠す</translation>
    </message>
    <message>
        <source>Show the list</source>
        <translation>一覧を表示</translation>
    </message>
    <message>
        <source>%1 is not in the service tags file (%2)</source>
        <translation>%1 はサービス タグ ファイルにありません (%2)</translation>
    </message>
    <message>
        <source>Address prefixes</source>
        <translation>アドレス プレフィックス</translation>
    </message>
    <message>
        <source>Address prefixes of %1 (%2, %3)</source>
        <translation>%1 のアドレス プレフィックス (%2、%3)</translation>
    </message>
</context>
<context>
    <name>amlfw::RuleDiff</name>
    <message>
        <source>Added</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>always</source>
        <translation>常に必要</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>amlfw::RuleGenerator</name>
    <message>
        <source>The rule catalog has errors and cannot be used.</source>
        <translation>規則カタログにエラーがあるため使用できません。</translation>
    </message>
    <message>
        <source>%1 has no paired region: the IP address routes cover the region&apos;s own prefixes only.</source>
        <translation>%1 にはペア リージョンがありません。IP アドレス ルートには、このリージョン自体のプレフィックスだけが含まれます。</translation>
    </message>
</context>
<context>
    <name>amlfw::RuleLabels</name>
    <message>
        <source>Inbound</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Service tag</source>
        <translation>サービス タグ</translation>
    </message>
    <message>
        <source>FQDN</source>
        <translation>FQDN</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>ルート</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>常に必要</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Azure ML compute subnet</source>
        <translation>Azure ML のコンピューティング サブネット</translation>
    </message>
    <message>
        <source>Route table of the compute subnet</source>
        <translation>コンピューティング サブネットのルート テーブル</translation>
    </message>
    <message>
        <source>%1 (article: %2)</source>
        <translation>%1 (記事の記載: %2)</translation>
    </message>
    <message>
        <source>Private endpoint</source>
        <translation>プライベート エンドポイント</translation>
    </message>
</context>
<context>
    <name>amlfw::RuleTreeModel</name>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Required for</source>
        <translation>次のために必須</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Rule ID</source>
        <translation>規則 ID</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更点</translation>
    </message>
</context>
<context>
    <name>amlfw::RulesPage</name>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>The rules for this scenario</source>
        <translation>このシナリオの規則</translation>
    </message>
    <message>
        <source>What Azure Firewall needs, and the host tables for other firewalls.</source>
        <translation>Azure Firewall に必要な規則と、その他のファイアウォール向けのホストの表です。</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>絞り込み(&amp;F):</translation>
    </message>
    <message>
        <source>Host, service tag, port, feature or purpose (Ctrl+F)</source>
        <translation>ホスト、サービス タグ、ポート、機能、目的 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter rules</source>
        <translation>規則の絞り込み</translation>
    </message>
    <message>
        <source>Shows only the rules that contain every word typed, in every tab.</source>
        <translation>入力したすべての語を含む規則だけを、すべてのタブで表示します。</translation>
    </message>
    <message>
        <source>Rule views</source>
        <translation>規則の表示</translation>
    </message>
    <message>
        <source>Inbound and routes, network rules, application rules, what Azure Firewall cannot express, and host tables for other firewalls.</source>
        <translation>受信とルート、ネットワーク規則、アプリケーション規則、Azure Firewall で表現できないもの、その他のファイアウォール向けのホストの表。</translation>
    </message>
    <message>
        <source>Rules; select rows to see details, Ctrl+C copies them as TSV, Ctrl+Shift+C as Markdown.</source>
        <translation>規則の一覧。行を選択すると詳細を表示します。Ctrl+C で TSV として、Ctrl+Shift+C で Markdown としてコピーします。</translation>
    </message>
    <message>
        <source>Rule details</source>
        <translation>規則の詳細</translation>
    </message>
    <message>
        <source>Purpose, sources in the article, notes and Azure Firewall classification of the selected rule.</source>
        <translation>選択した規則の目的、記事での記載箇所、注意事項、Azure Firewall での分類。</translation>
    </message>
    <message>
        <source>Copy as &amp;TSV</source>
        <translation>TSV としてコピー(&amp;T)</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated values, for a spreadsheet.</source>
        <translation>選択した行をタブ区切りの値としてコピーします (スプレッドシート向け)。</translation>
    </message>
    <message>
        <source>Copy the selected rows as a Markdown table, for a ticket or a wiki.</source>
        <translation>選択した行を Markdown の表としてコピーします (チケットや Wiki 向け)。</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Not e&amp;xpressible</source>
        <translation>表現不可(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Other firewalls</source>
        <translation>その他の FW(&amp;O)</translation>
    </message>
    <message>
        <source>storage account %1</source>
        <translation>ストレージ アカウント %1</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>No rules: %1</source>
        <translation>規則がありません: %1</translation>
    </message>
    <message>
        <source>Network rules with FQDNs need the firewall policy&apos;s DNS proxy.</source>
        <translation>FQDN のネットワーク規則には、ファイアウォール ポリシーの DNS プロキシが必要です。</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
    <message>
        <source>No rules of this kind in this scenario.</source>
        <translation>このシナリオにはこの種類の規則はありません。</translation>
    </message>
    <message>
        <source>About this scenario (notes: %1)</source>
        <translation>このシナリオについて (注意事項 %1 件)</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s): %1 inbound, %2 routes, %3 network rules with service tags, %4 with FQDNs, %5 application rules, %6 not expressible. %7 are always needed; %8 have notes.</source>
        <translation>
            <numerusform>規則 %n 件: 受信 %1、ルート %2、サービス タグのネットワーク規則 %3、FQDN のネットワーク規則 %4、アプリケーション規則 %5、表現できない規則 %6。常に必要な規則 %7 件、注意事項のある規則 %8 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Marks each rule that is new or changed, with what changed, and lists the rules only the other edition has in a tab of their own.</source>
        <translation>新規または変更された規則に、変更内容を示す印を付けます。もう一方の版にだけある規則は専用のタブに一覧表示します。</translation>
    </message>
    <message>
        <source>There is no other edition to compare these rules with.</source>
        <translation>これらの規則と比較できる別の版はありません。</translation>
    </message>
    <message>
        <source>&amp;Copy selected rows</source>
        <translation>選択した行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy selected rows as &amp;Markdown</source>
        <translation>選択した行を Markdown としてコピー(&amp;M)</translation>
    </message>
    <message>
        <source>Copy &amp;host names</source>
        <translation>ホスト名をコピー(&amp;H)</translation>
    </message>
    <message>
        <source>Copy the destinations of the selected rows, or of all rows shown in this tab when none is selected: each once, one per line.</source>
        <translation>選択した行の送信先を (選択がなければこのタブに表示されているすべての行の送信先を)、重複なしで 1 行に 1 つずつコピーします。</translation>
    </message>
    <message>
        <source>Copy the rows shown in this tab with their group headers as tab-separated values, for a spreadsheet or a change request.</source>
        <translation>このタブに表示されている行を、グループの見出しを含めてタブ区切り形式でコピーします。スプレッドシートや変更の申請に使用できます。</translation>
    </message>
    <message>
        <source>&amp;Inbound &amp;&amp; routes</source>
        <translation>受信とルート(&amp;I)</translation>
    </message>
    <message>
        <source>Net&amp;work</source>
        <comment>rules page tab: Azure Firewall&apos;s network rules</comment>
        <translation>ネットワーク(&amp;W)</translation>
    </message>
    <message>
        <source>A&amp;pplication</source>
        <comment>rules page tab: Azure Firewall&apos;s application rules</comment>
        <translation>アプリケーション(&amp;P)</translation>
    </message>
    <message>
        <source>Inbound rules of the network security group and the routes of the route table.</source>
        <translation>ネットワーク セキュリティ グループの受信の規則と、ルート テーブルのルートです。</translation>
    </message>
    <message>
        <source>Network rules of Azure Firewall: service tags and FQDNs.</source>
        <translation>Azure Firewall のネットワーク規則 (サービス タグと FQDN) です。</translation>
    </message>
    <message>
        <source>Application rules of Azure Firewall: FQDNs with their protocols.</source>
        <translation>Azure Firewall のアプリケーション規則 (FQDN とそのプロトコル) です。</translation>
    </message>
    <message>
        <source>Rules Azure Firewall cannot express as the article writes them, and what to do instead.</source>
        <translation>記事の記載のままでは Azure Firewall で表現できない規則と、その代わりの方法です。</translation>
    </message>
    <message>
        <source>The article&apos;s host tables, for firewalls other than Azure Firewall.</source>
        <translation>その他のファイアウォール: Azure Firewall 以外のファイアウォール向けの、記事のホストの表です。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n rule(s) match the filter.</source>
        <translation>
            <numerusform>%n 件中 %1 件の規則がフィルターに一致します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>amlfw::ServiceTagsFile</name>
    <message>
        <source>change %1, %2</source>
        <translation>変更番号 %1、%2</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>変更番号 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address prefix (such as 20.1.2.0/24)</source>
        <translation>「%1」はアドレス プレフィックス (20.1.2.0/24 など) ではありません</translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; is listed twice</source>
        <translation>タグ「%1」が 2 回記載されています</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>読み取れません: %1</translation>
    </message>
    <message>
        <source>%1 MB is too large for a service tags file</source>
        <translation>%1 MB は、サービス タグのファイルとしては大きすぎます</translation>
    </message>
    <message>
        <source>this file lists the service tags of the cloud &quot;%1&quot;, but the rules are for %2: download the file of that cloud</source>
        <translation>このファイルはクラウド「%1」のサービス タグの一覧ですが、規則は %2 のものです。そのクラウドのファイルをダウンロードしてください</translation>
    </message>
    <message>
        <source>the service tag %1 is not in this file (%2): its rules are written without address prefixes</source>
        <translation>サービス タグ %1 はこのファイル (%2) にありません。その規則はアドレス プレフィックスなしで書き出されます</translation>
    </message>
    <message>
        <source>the file is empty: download the &quot;Azure IP Ranges and Service Tags&quot; file again</source>
        <translation>ファイルが空です。「Azure IP Ranges and Service Tags」ファイルをもう一度ダウンロードしてください</translation>
    </message>
    <message>
        <source>this is a web page (HTML), not the service tags file: on Microsoft&apos;s download page, follow the download link and save the .json file it gives</source>
        <translation>これはサービス タグのファイルではなく Web ページ (HTML) です。Microsoft のダウンロード ページでダウンロードのリンクを開き、表示される .json ファイルを保存してください</translation>
    </message>
    <message>
        <source>this is not a service tags file: it is not JSON (line %1, column %2: %3)</source>
        <translation>これはサービス タグのファイルではありません。JSON ではありません (%1 行、%2 列: %3)</translation>
    </message>
    <message>
        <source>the file ends too early (line %1, column %2): it was cut off, perhaps by an interrupted download; download it again</source>
        <translation>ファイルが途中で終わっています (%1 行、%2 列)。ダウンロードが中断されるなどして切れています。もう一度ダウンロードしてください</translation>
    </message>
    <message>
        <source>this is not a service tags file: its JSON is broken at line %1, column %2 (%3)</source>
        <translation>これはサービス タグのファイルではありません。JSON が %1 行、%2 列で壊れています (%3)</translation>
    </message>
    <message>
        <source>this JSON file is not an &quot;Azure IP Ranges and Service Tags&quot; file: it has no %1. Download ServiceTags_Public_YYYYMMDD.json (or the Government or China file) from Microsoft, or save the output of az network list-service-tags</source>
        <translation>この JSON ファイルは「Azure IP Ranges and Service Tags」ファイルではありません。%1 がありません。Microsoft から ServiceTags_Public_YYYYMMDD.json (または Government か China のファイル) をダウンロードするか、az network list-service-tags の出力を保存してください</translation>
    </message>
    <message numerus="yes">
        <source>%n more problem(s) in this file</source>
        <translation>
            <numerusform>このファイルには、ほかに %n 個の問題があります</numerusform>
        </translation>
    </message>
    <message>
        <source>its change number (changeNumber) is not a whole number: this is not an &quot;Azure IP Ranges and Service Tags&quot; file</source>
        <translation>変更番号 (changeNumber) が整数ではありません。これは「Azure IP Ranges and Service Tags」ファイルではありません</translation>
    </message>
    <message>
        <source>its cloud &quot;%1&quot; is none of the service tags files&apos; clouds (Public, AzureGovernment, China)</source>
        <translation>クラウド「%1」は、サービス タグのファイルのクラウド (Public、AzureGovernment、China) のどれでもありません</translation>
    </message>
    <message>
        <source>its service tags (values) are not a list: this is not an &quot;Azure IP Ranges and Service Tags&quot; file</source>
        <translation>サービス タグ (values) が一覧ではありません。これは「Azure IP Ranges and Service Tags」ファイルではありません</translation>
    </message>
    <message>
        <source>the file lists no service tags (its list &quot;values&quot; is empty): download it again</source>
        <translation>ファイルにサービス タグが 1 つもありません (一覧「values」が空です)。もう一度ダウンロードしてください</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>そのようなファイルはありません</translation>
    </message>
    <message>
        <source>this is a folder: name the service tags file in it</source>
        <translation>これはフォルダーです。その中のサービス タグのファイルを指定してください</translation>
    </message>
    <message>
        <source>the service tag %1 has no address prefixes in this file (%2): its rules are written without them</source>
        <translation>サービス タグ %1 には、このファイル (%2) でアドレス プレフィックスがありません。その規則はアドレス プレフィックスなしで書き出されます</translation>
    </message>
</context>
<context>
    <name>amlfw::StatePage</name>
    <message>
        <source>Edition %1 · %2</source>
        <comment>page header: the edition of the rules, then the page&apos;s subtitle</comment>
        <translation>%1 版 · %2</translation>
    </message>
    <message>
        <source>%1 · Edition %2 · %3</source>
        <comment>page header: the title of the profile opened, the edition of the rules, then the page&apos;s subtitle</comment>
        <translation>%1 · %2 版 · %3</translation>
    </message>
</context>
<context>
    <name>amlfw::StepList</name>
    <message>
        <source>Steps</source>
        <translation>手順</translation>
    </message>
    <message>
        <source>Go to this step</source>
        <translation>この手順へ移動</translation>
    </message>
    <message>
        <source>%1, current step</source>
        <translation>%1 (現在の手順)</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3. Up and Down choose a step, Enter goes to it.</source>
        <translation>手順 %1/%2: %3。↑↓キーで手順を選び、Enter で移動します。</translation>
    </message>
</context>
<context>
    <name>amlfw::StoragePage</name>
    <message>
        <source>e.g. mlworkspace1234567890</source>
        <translation>例: mlworkspace1234567890</translation>
    </message>
    <message>
        <source>Default storage account name</source>
        <translation>既定のストレージ アカウント名</translation>
    </message>
    <message>
        <source>3 to 24 lower-case letters and digits. Checked as you type.</source>
        <translation>英小文字と数字で 3 ～ 24 文字。入力中に確認します。</translation>
    </message>
    <message>
        <source>3 to 24 characters: lower-case letters and digits only.</source>
        <translation>3 ～ 24 文字。英小文字と数字のみ。</translation>
    </message>
    <message>
        <source>&amp;Host names the rules will use:</source>
        <translation>規則で使用するホスト名(&amp;H):</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>ホスト名</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Needed for</source>
        <translation>必要な機能</translation>
    </message>
    <message>
        <source>Storage host names</source>
        <translation>ストレージのホスト名</translation>
    </message>
    <message>
        <source>The host names of the storage account that appear in the rules, and the features that need them.</source>
        <translation>規則に現れるストレージ アカウントのホスト名と、それを必要とする機能。</translation>
    </message>
    <message>
        <source>Use 3 to 24 lower-case letters and digits, as Azure requires for storage account names.</source>
        <translation>Azure のストレージ アカウント名の規則どおり、英小文字と数字で 3 ～ 24 文字にしてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a valid storage account name.</source>
        <translation>&quot;%1&quot; は有効なストレージ アカウント名です。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Not needed by the features chosen so far.</source>
        <translation>これまでに選択した機能では不要です。</translation>
    </message>
    <message>
        <source>Needed by the features chosen so far.</source>
        <translation>これまでに選択した機能で必要です。</translation>
    </message>
    <message>
        <source>Greyed host names are needed only by features not chosen yet (next page).</source>
        <translation>灰色のホスト名は、まだ選択していない機能 (次のページ) でのみ必要です。</translation>
    </message>
    <message>
        <source>Default storage &amp;account name:</source>
        <translation>既定のストレージ アカウント名(&amp;A):</translation>
    </message>
    <message>
        <source>Workspace resources</source>
        <translation>ワークスペースのリソース</translation>
    </message>
    <message>
        <source>The rules name the workspace&apos;s own resources: its default storage account, and in newer editions its container registry and ID.</source>
        <translation>規則にはワークスペース自身のリソースが含まれます: 既定のストレージ アカウント、新しい版ではコンテナー レジストリとワークスペース ID も。</translation>
    </message>
    <message>
        <source>Container &amp;registry name:</source>
        <translation>コンテナー レジストリ名(&amp;R):</translation>
    </message>
    <message>
        <source>optional, e.g. mlregistry1234</source>
        <translation>省略可、例: mlregistry1234</translation>
    </message>
    <message>
        <source>Container registry name</source>
        <translation>コンテナー レジストリ名</translation>
    </message>
    <message>
        <source>Optional: 5 to 50 letters and digits. Rules that name the registry keep &lt;acr&gt; while it is empty.</source>
        <translation>省略可: 英字と数字で 5 ～ 50 文字。空の間は、レジストリを含む規則に &lt;acr&gt; が残ります。</translation>
    </message>
    <message>
        <source>In the Azure portal: the workspace&apos;s overview page, &quot;Container Registry&quot; (the name before .azurecr.io).</source>
        <translation>Azure portal のワークスペースの概要ページの「コンテナー レジストリ」(.azurecr.io の前の名前) です。</translation>
    </message>
    <message>
        <source>&amp;Workspace ID:</source>
        <translation>ワークスペース ID(&amp;W):</translation>
    </message>
    <message>
        <source>optional, e.g. 0a1b2c3d-4e5f-6789-abcd-ef0123456789</source>
        <translation>省略可、例: 0a1b2c3d-4e5f-6789-abcd-ef0123456789</translation>
    </message>
    <message>
        <source>Workspace ID</source>
        <translation>ワークスペース ID</translation>
    </message>
    <message>
        <source>Optional: a GUID. Rules that name the workspace ID keep &lt;workspace-id&gt; while it is empty.</source>
        <translation>省略可: GUID。空の間は、ワークスペース ID を含む規則に &lt;workspace-id&gt; が残ります。</translation>
    </message>
    <message>
        <source>In the Azure portal: the workspace&apos;s Properties page, &quot;Workspace ID&quot;.</source>
        <translation>Azure portal のワークスペースの [プロパティ] ページの「ワークスペース ID」です。</translation>
    </message>
    <message>
        <source>With a managed virtual network no rule names the storage account by host name: Azure reaches it through private endpoints (listed with the rules).</source>
        <translation>マネージド仮想ネットワークでは、ストレージ アカウントをホスト名で指定する規則はありません。Azure はプライベート エンドポイント (規則の一覧に表示) 経由でアクセスします。</translation>
    </message>
    <message>
        <source>No rule of this edition names the storage account by host name.</source>
        <translation>この版には、ストレージ アカウントをホスト名で指定する規則はありません。</translation>
    </message>
    <message>
        <source>Enter the name of the default storage account of the workspace, as shown on the workspace&apos;s overview page in the Azure portal. A host name or URL of the account works too: the name is taken from it.</source>
        <translation>Azure portal のワークスペースの概要ページに表示される、ワークスペースの既定のストレージ アカウントの名前を入力してください。アカウントのホスト名や URL を入力しても、そこから名前を取り出します。</translation>
    </message>
    <message>
        <source>Took the account name &quot;%1&quot; from the connection string you entered.</source>
        <translation>入力された接続文字列からアカウント名 &quot;%1&quot; を取り出しました。</translation>
    </message>
    <message>
        <source>Took the account name &quot;%1&quot; from the host name %2 you entered.</source>
        <translation>入力されたホスト名 %2 からアカウント名 &quot;%1&quot; を取り出しました。</translation>
    </message>
</context>
<context>
    <name>amlfw::TerraformExporter</name>
    <message>
        <source>Alternative for %1 on %2: %3</source>
        <translation>%1 (%2) の代替: %3</translation>
    </message>
    <message>
        <source>Rule %1 is not in this file: %2</source>
        <translation>規則 %1 はこのファイルに含まれていません: %2</translation>
    </message>
    <message>
        <source>Rule %1 matches the URL path %2: the policy needs TLS inspection configured (Premium tier, a CA certificate in Key Vault).</source>
        <translation>規則 %1 は URL パス %2 を照合します。ポリシーで TLS インスペクションを構成する必要があります (Premium レベル、Key Vault の CA 証明書)。</translation>
    </message>
    <message>
        <source>Some rules are network rules with destination FQDNs: enable DNS proxy on the existing firewall policy.</source>
        <translation>一部の規則は送信先 FQDN を指定したネットワーク規則です。既存のファイアウォール ポリシーで DNS プロキシを有効にしてください。</translation>
    </message>
    <message>
        <source>Compute needs user-defined routes (next hop: Internet) on its subnet&apos;s route table; this file does not create them.</source>
        <translation>コンピューティングには、サブネットのルート テーブルにユーザー定義のルート (ネクスト ホップの種類: インターネット) が必要です。このファイルでは作成しません。</translation>
    </message>
    <message>
        <source>Fill the route prefix variables from the current &quot;Azure IP Ranges and Service Tags&quot; file: they change over time.</source>
        <translation>ルートのプレフィックスの変数には、最新の「Azure IP Ranges and Service Tags」ファイルの値を指定してください。アドレスは変わります。</translation>
    </message>
    <message>
        <source>The route prefixes are those of %1 (%2): they change weekly, so export again with a newer file before each change.</source>
        <translation>ルートのプレフィックスは %1 (%2) のものです。毎週変わるため、変更のたびに新しいファイルでエクスポートし直してください。</translation>
    </message>
    <message>
        <source>Associate the route table with the compute subnet.</source>
        <translation>ルート テーブルをコンピューティング サブネットに関連付けてください。</translation>
    </message>
    <message>
        <source>Inbound rules (BatchNodeManagement, AzureMachineLearning) belong to the compute subnet&apos;s network security group, which Azure creates; they are not firewall rules.</source>
        <translation>受信の規則 (BatchNodeManagement、AzureMachineLearning) は、Azure が作成するコンピューティング サブネットのネットワーク セキュリティ グループに属します。ファイアウォールの規則ではありません。</translation>
    </message>
    <message>
        <source>Azure Firewall rules for an Azure Machine Learning workspace: %1, %2.</source>
        <translation>Azure Machine Learning ワークスペース用の Azure Firewall の規則: %1、%2。</translation>
    </message>
    <message>
        <source>Generated by amlfw %1 from the article edition %2.</source>
        <translation>amlfw %1 が記事の %2 版から生成しました。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>機能: %1</translation>
    </message>
    <message>
        <source>Routes (UDR): %1</source>
        <translation>ルート (UDR): %1</translation>
    </message>
    <message>
        <source>Service tags file: %1 (%2)</source>
        <translation>サービス タグ ファイル: %1 (%2)</translation>
    </message>
    <message>
        <source>Deploy with: terraform init &amp;&amp; terraform plan -var resource_group_name=&lt;resource group&gt;</source>
        <translation>デプロイ: terraform init &amp;&amp; terraform plan -var resource_group_name=&lt;リソース グループ&gt;</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>注:</translation>
    </message>
    <message>
        <source>Name of the existing resource group of the firewall policy and the route table.</source>
        <translation>ファイアウォール ポリシーとルート テーブルがある既存のリソース グループの名前。</translation>
    </message>
    <message>
        <source>Name of the firewall policy to create.</source>
        <translation>作成するファイアウォール ポリシーの名前。</translation>
    </message>
    <message>
        <source>Name of the existing firewall policy in this resource group.</source>
        <translation>このリソース グループにある既存のファイアウォール ポリシーの名前。</translation>
    </message>
    <message>
        <source>Location of the new resources (null: the resource group&apos;s).</source>
        <translation>新しいリソースの場所 (null の場合はリソース グループの場所)。</translation>
    </message>
    <message>
        <source>Location of the new resources.</source>
        <translation>新しいリソースの場所。</translation>
    </message>
    <message>
        <source>Name of the rule collection group for Azure Machine Learning.</source>
        <translation>Azure Machine Learning 用の規則コレクション グループの名前。</translation>
    </message>
    <message>
        <source>Priority of the rule collection group (100-65000).</source>
        <translation>規則コレクション グループの優先度 (100 ～ 65000)。</translation>
    </message>
    <message>
        <source>The rule collection group priority must be from 100 to 65000.</source>
        <translation>規則コレクション グループの優先度には 100 ～ 65000 を指定してください。</translation>
    </message>
    <message>
        <source>Address prefixes of the Azure Machine Learning compute subnet(s), such as 10.0.1.0/24.</source>
        <translation>Azure Machine Learning のコンピューティング サブネットのアドレス プレフィックス (10.0.1.0/24 など)。</translation>
    </message>
    <message>
        <source>Give at least one address prefix of the compute subnet.</source>
        <translation>コンピューティング サブネットのアドレス プレフィックスを 1 つ以上指定してください。</translation>
    </message>
    <message>
        <source>Name of the route table to create for the compute subnet.</source>
        <translation>コンピューティング サブネット用に作成するルート テーブルの名前。</translation>
    </message>
    <message>
        <source>Name of the compute subnet&apos;s existing route table in this resource group.</source>
        <translation>このリソース グループにある、コンピューティング サブネットの既存のルート テーブルの名前。</translation>
    </message>
    <message>
        <source>Private IP address of the Azure Firewall.</source>
        <translation>Azure Firewall のプライベート IP アドレス。</translation>
    </message>
    <message>
        <source>Address prefixes of the %1 service tag, from the &quot;Azure IP Ranges and Service Tags&quot; file of your cloud.</source>
        <translation>サービス タグ %1 のアドレス プレフィックス (ご使用のクラウドの「Azure IP Ranges and Service Tags」ファイルから取得)。</translation>
    </message>
    <message>
        <source>Network rules with destination FQDNs need the DNS proxy.</source>
        <translation>送信先 FQDN を指定したネットワーク規則には DNS プロキシが必要です。</translation>
    </message>
    <message>
        <source>Attach this policy to the Azure Firewall.</source>
        <translation>このポリシーを Azure Firewall に関連付けてください。</translation>
    </message>
    <message>
        <source>Associate this route table with the compute subnet.</source>
        <translation>このルート テーブルをコンピューティング サブネットに関連付けてください。</translation>
    </message>
</context>
<context>
    <name>amlfw::TextReport</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Required for</source>
        <translation>次のために必須</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Inbound to compute (network security group)</source>
        <translation>コンピューティングへの受信 (ネットワーク セキュリティ グループ)</translation>
    </message>
    <message>
        <source>User-defined routes on the compute subnet (next hop: Internet)</source>
        <translation>コンピューティング サブネットのユーザー定義のルート (ネクスト ホップの種類: インターネット)</translation>
    </message>
    <message>
        <source>Network rules: service tags</source>
        <translation>ネットワーク規則: サービス タグ</translation>
    </message>
    <message>
        <source>Network rules: destination FQDNs (DNS proxy required)</source>
        <translation>ネットワーク規則: 送信先 FQDN (DNS プロキシが必要)</translation>
    </message>
    <message>
        <source>Application rules</source>
        <translation>アプリケーション規則</translation>
    </message>
    <message>
        <source>Not expressible in Azure Firewall</source>
        <translation>Azure Firewall では表現できないもの</translation>
    </message>
    <message>
        <source>%1, %2, storage account %3. Rules: %4 (always needed: %5). Catalog edition %6.</source>
        <translation>%1、%2、ストレージ アカウント %3。規則: %4 件 (常に必要: %5 件)。カタログ: %6 版。</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>機能: %1</translation>
    </message>
    <message>
        <source>none (always-needed rules only)</source>
        <translation>なし (常に必要な規則のみ)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <source>Notes ([!])</source>
        <translation>注記 ([!])</translation>
    </message>
    <message>
        <source>About this scenario</source>
        <translation>このシナリオについて</translation>
    </message>
    <message>
        <source>Azure Machine Learning firewall rules</source>
        <translation>Azure Machine Learning のファイアウォールの規則</translation>
    </message>
    <message>
        <source>Source: %1 (%2, %3).</source>
        <translation>出典: %1 (%2、%3)。</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>Host tables for other firewalls</source>
        <translation>その他のファイアウォール用のホストの表</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Rules: %1</source>
        <translation>規則: %1</translation>
    </message>
    <message>
        <source>Managed virtual network: outbound rules of the workspace</source>
        <translation>マネージド仮想ネットワーク: ワークスペースの送信規則</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Managed virtual network: rules added by Azure automatically</source>
        <translation>マネージド仮想ネットワーク: Azure が自動的に追加する規則</translation>
    </message>
    <message>
        <source>Managed virtual network: outbound rules to add to the workspace</source>
        <translation>マネージド仮想ネットワーク: ワークスペースに追加する送信規則</translation>
    </message>
    <message>
        <source>Managed virtual network: Azure Firewall is not involved.</source>
        <translation>マネージド仮想ネットワーク: Azure Firewall は関係しません。</translation>
    </message>
    <message>
        <source>Managed virtual network</source>
        <translation>マネージド仮想ネットワーク</translation>
    </message>
    <message>
        <source>Address prefixes</source>
        <translation>アドレス プレフィックス</translation>
    </message>
    <message>
        <source>not in the file</source>
        <translation>ファイルにありません</translation>
    </message>
    <message numerus="yes">
        <source>%n prefix(es)</source>
        <translation>
            <numerusform>%n 個のプレフィックス</numerusform>
        </translation>
    </message>
    <message>
        <source>Service tags file: %1</source>
        <translation>サービス タグのファイル: %1</translation>
    </message>
    <message>
        <source>Not in the file (no address prefixes): %1</source>
        <translation>ファイルにないもの (アドレス プレフィックスなし): %1</translation>
    </message>
    <message>
        <source>Address prefixes of the service tags (%1, %2)</source>
        <translation>サービス タグのアドレス プレフィックス (%1、%2)</translation>
    </message>
</context>
<context>
    <name>amlfw::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>Firewall rules for Azure Machine Learning</source>
        <translation>Azure Machine Learning のファイアウォールの規則</translation>
    </message>
    <message>
        <source>Find the rules your workspace in a virtual network needs, then export them.</source>
        <translation>仮想ネットワーク内のワークスペースに必要な規則を調べて、エクスポートします。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The language of the wizard, the rules and the exported files.</source>
        <translation>ウィザード、規則、エクスポートするファイルの言語。</translation>
    </message>
    <message>
        <source>Switch the language at any time with Ctrl+L.</source>
        <translation>Ctrl+L でいつでも言語を切り替えられます。</translation>
    </message>
    <message>
        <source>A few questions about the workspace (cloud, region, default storage account and the features you use) give exactly the rules your firewall needs: inbound traffic and user-defined routes, network rules with service tags, application rules with FQDNs, and host tables for other firewalls. Review them, then export an ARM template, a CSV file for the change ticket, or JSON.</source>
        <translation>ワークスペースについてのいくつかの質問 (クラウド、リージョン、既定のストレージ アカウント、使用する機能) に答えると、ファイアウォールに必要な規則が正確にわかります: 受信トラフィックとユーザー定義のルート、サービス タグを使用したネットワーク規則、FQDN を使用したアプリケーション規則、その他のファイアウォール向けのホストの表。内容を確認して、ARM テンプレート、変更チケット用の CSV ファイル、または JSON としてエクスポートできます。</translation>
    </message>
    <message>
        <source>Rule catalog</source>
        <translation>規則カタログ</translation>
    </message>
    <message>
        <source>Edition %1, from the article &lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt; dated %4.</source>
        <translation>%1 版。出典は %4 付けの記事「&lt;a href=&quot;%2&quot;&gt;%3&lt;/a&gt;」です。</translation>
    </message>
    <message>
        <source>Rule catalog edition</source>
        <translation>規則カタログの版</translation>
    </message>
    <message>
        <source>Answers and profiles</source>
        <translation>回答とプロファイル</translation>
    </message>
    <message>
        <source>Your answers are remembered for next time. A profile file holds them too: share it with colleagues, or give it to the command-line tool with --profile.</source>
        <translation>回答は次回のために記憶されます。プロファイル ファイルにも保存でき、同僚と共有したり、コマンドライン ツールに --profile で渡したりできます。</translation>
    </message>
    <message>
        <source>&amp;Open profile…</source>
        <translation>プロファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Fill in every answer from a saved profile file (Ctrl+O).</source>
        <translation>保存したプロファイル ファイルからすべての回答を入力します (Ctrl+O)。</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>プロファイルを開く</translation>
    </message>
    <message>
        <source>Reads the answers from a profile file.</source>
        <translation>プロファイル ファイルから回答を読み込みます。</translation>
    </message>
    <message>
        <source>&amp;Save profile…</source>
        <translation>プロファイルを保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the current answers as a profile file (Ctrl+S).</source>
        <translation>現在の回答をプロファイル ファイルとして保存します (Ctrl+S)。</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>プロファイルの保存</translation>
    </message>
    <message>
        <source>Writes the current answers to a profile file.</source>
        <translation>現在の回答をプロファイル ファイルに書き込みます。</translation>
    </message>
    <message>
        <source>Forget the current answers and begin with the defaults.</source>
        <translation>現在の回答を破棄し、既定値から始めます。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Resets every answer to its default.</source>
        <translation>すべての回答を既定値に戻します。</translation>
    </message>
    <message>
        <source>Current answers: none yet.</source>
        <translation>現在の回答: まだありません。</translation>
    </message>
    <message>
        <source>Current answers: %1; features selected: %2.</source>
        <translation>現在の回答: %1、選択した機能: %2 件。</translation>
    </message>
    <message>
        <source>Start o&amp;ver</source>
        <translation>最初からやり直す(&amp;V)</translation>
    </message>
    <message>
        <source>Edition of the rules</source>
        <translation>規則の版</translation>
    </message>
    <message>
        <source>Edition %1, article dated %2 (newest)</source>
        <translation>%1 版、記事の日付 %2 (最新)</translation>
    </message>
    <message>
        <source>Edition %1, article dated %2</source>
        <translation>%1 版、記事の日付 %2</translation>
    </message>
    <message>
        <source>The article &quot;%1&quot; as it was on %2.</source>
        <translation>%2 時点の記事「%1」です。</translation>
    </message>
    <message>
        <source>Edition %1</source>
        <translation>%1 版</translation>
    </message>
    <message>
        <source>The rules of the chosen edition follow the article &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;.</source>
        <translation>選択した版の規則は記事「&lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;」に基づいています。</translation>
    </message>
    <message>
        <source>Start over?</source>
        <translation>最初からやり直しますか?</translation>
    </message>
    <message>
        <source>Every answer goes back to its default: the cloud, the region, the storage account and the features. Profiles you saved are not changed.</source>
        <translation>クラウド、リージョン、ストレージ アカウント、機能のすべての回答が既定値に戻ります。保存済みのプロファイルは変更されません。</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>やり直す(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep my answers</source>
        <translation>回答を残す(&amp;K)</translation>
    </message>
</context>
<context>
    <name>amlfw::Wizard</name>
    <message>
        <source>&quot;%1&quot; is not a language: use en or ja.</source>
        <translation>「%1」は言語ではありません。en または ja を指定してください。</translation>
    </message>
    <message>
        <source>cannot write the screenshot &quot;%1&quot;</source>
        <translation>スクリーンショット「%1」を書き込めません</translation>
    </message>
</context>
<context>
    <name>amlfw::WizardState</name>
    <message>
        <source>The answers are for the edition %1, which this amlfw does not know: they are read with the %2 edition.</source>
        <translation>回答は %1 版用ですが、この amlfw はその版を知りません。%2 版として読み込みます。</translation>
    </message>
    <message>
        <source>These answers were saved without an edition: they are read as the %1 edition. Choose another edition on the first page if you need it.</source>
        <translation>この回答は版の指定なしで保存されたため、%1 版として読み込みます。必要なら最初のページで別の版を選択してください。</translation>
    </message>
    <message>
        <source>The cloud &quot;%1&quot; is not in the %2 edition: choose the cloud again.</source>
        <translation>クラウド「%1」は %2 版にはありません。クラウドを選び直してください。</translation>
    </message>
    <message>
        <source>The region &quot;%1&quot; is not in the %2 edition: choose the region again.</source>
        <translation>リージョン「%1」は %2 版にはありません。リージョンを選び直してください。</translation>
    </message>
    <message>
        <source>The %1 edition has no managed virtual network: the rules are for your own firewall.</source>
        <translation>%1 版にはマネージド仮想ネットワークがありません。規則はお客様自身のファイアウォール用になります。</translation>
    </message>
</context>
<context>
    <name>amlfw::XlsxExporter</name>
    <message>
        <source>Cover</source>
        <translation>表紙</translation>
    </message>
    <message>
        <source>Managed network</source>
        <translation>マネージド ネットワーク</translation>
    </message>
    <message>
        <source>Azure Firewall</source>
        <translation>Azure Firewall</translation>
    </message>
    <message>
        <source>Other firewalls</source>
        <translation>その他のファイアウォール</translation>
    </message>
    <message>
        <source>Address prefixes</source>
        <translation>アドレス プレフィックス</translation>
    </message>
    <message>
        <source>Azure Machine Learning firewall rules</source>
        <translation>Azure Machine Learning のファイアウォールの規則</translation>
    </message>
    <message>
        <source>Number of address prefixes (%1, %2)</source>
        <translation>アドレス プレフィックスの数 (%1、%2)</translation>
    </message>
    <message>
        <source>Address prefix (%1, %2)</source>
        <translation>アドレス プレフィックス (%1、%2)</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>シナリオ</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Paired region</source>
        <translation>ペア リージョン</translation>
    </message>
    <message>
        <source>Storage account</source>
        <translation>ストレージ アカウント</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Managed virtual network</source>
        <translation>マネージド仮想ネットワーク</translation>
    </message>
    <message>
        <source>Your network (your own firewall)</source>
        <translation>独自のネットワーク (独自のファイアウォール)</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>機能</translation>
    </message>
    <message>
        <source>None (always-needed rules only)</source>
        <translation>なし (常に必要な規則のみ)</translation>
    </message>
    <message>
        <source>Compute subnet</source>
        <translation>コンピューティング サブネット</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>記事</translation>
    </message>
    <message>
        <source>Article link</source>
        <translation>記事のリンク</translation>
    </message>
    <message>
        <source>Catalog edition</source>
        <translation>カタログの版</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>作成ツール</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Service tags file</source>
        <translation>サービス タグのファイル</translation>
    </message>
    <message>
        <source>None: service tags are named, not expanded to address prefixes</source>
        <translation>なし: サービス タグは名前で記載し、アドレス プレフィックスには展開していません</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Purpose (English)</source>
        <translation>目的 (英語)</translation>
    </message>
    <message>
        <source>Purpose (Japanese)</source>
        <translation>目的 (日本語)</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Rule type</source>
        <translation>規則の種類</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>送信元</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>送信先</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>プロトコル</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Required for</source>
        <translation>次のために必須</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Answer needed</source>
        <translation>回答が必要</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Service tag</source>
        <translation>サービス タグ</translation>
    </message>
    <message>
        <source>IP version</source>
        <translation>IP のバージョン</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Not in the service tags file</source>
        <translation>サービス タグのファイルにありません</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>amlfw</source>
        <translation>amlfw</translation>
    </message>
    <message>
        <source>The built-in rule catalog cannot be used:

%1</source>
        <translation>組み込みの規則カタログを使用できません:

%1</translation>
    </message>
</context>
</TS>
