"""The rules explained in Vietnamese (``plan272 rules --lang vi``): for each code its summary, what it
checks, why it matters, where the plan says so and how to fix a finding — the same five parts as the
English text kept beside each rule's code. A test checks that every rule has them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleText:
    summary: str
    what: str
    why: str
    source: str
    fix: str


_SECURITY_WHY = (
    "Kế hoạch có thể cam kết dành tối thiểu một tỷ lệ kinh phí ứng dụng CNTT cho các sản phẩm, dịch vụ an "
    "toàn thông tin; kế hoạch không đạt tỷ lệ đó là mâu thuẫn với chính chính sách của nó."
)
_SECURITY_SOURCE = (
    "Chính sách an toàn thông tin của kế hoạch, ghi ở `security_policy` trong plan.yaml kèm nguồn (ở Kế "
    "hoạch 272: Phần II, mục III.6 'Bảo đảm an toàn thông tin', gạch đầu dòng cuối: 'đạt tối thiểu 10% "
    "trong tổng kinh phí triển khai kế hoạch ứng dụng CNTT hàng năm, giai đoạn 5 năm và các dự án CNTT')."
)

TEXTS: dict[str, RuleText] = {
    "DAT001": RuleText(
        summary="Một giá trị trong các tệp dữ liệu không đọc được theo đúng mô hình.",
        what="Mọi lỗi gặp khi đọc: tệp không đọc được (mã hoá, tệp nhị phân, tệp rỗng), cú pháp YAML, khoá "
        "lạ hoặc trùng, cột thiếu hoặc trùng, ô bắt buộc để trống, số âm hoặc số mơ hồ (20.200 trong tệp "
        "không khai báo cách viết số), chữ ở chỗ phải là số. Các ô của một cột cùng sai một kiểu là một kết "
        "quả: bao nhiêu ô, các vị trí đầu tiên và một cách sửa, mọi vị trí có trong báo cáo JSON.",
        why="Một giá trị bị đọc sai mà không báo sẽ làm sai mọi phép kiểm tra sau đó. Chương trình báo lỗi "
        "đúng chỗ rồi đọc tiếp, nên một lần chạy cho thấy mọi lỗi.",
        source="Quy cách dữ liệu (README, 'Data format'); JSON Schema của plan.yaml (`plan272 schema`).",
        fix="Sửa ô hoặc khoá ở đúng tệp, dòng và trường được báo. Ghi số tiền bằng chữ số liền, hoặc khai "
        "báo `csv_number_format: vi` trong plan.yaml để ghi 20.200 cho 20200.",
    ),
    "DAT002": RuleText(
        summary="Mã trùng, hoặc tham chiếu tới nhóm, cơ quan, phụ lục hay dòng không có.",
        what="Mã dòng là duy nhất trong các phụ lục của kế hoạch; nhóm của mỗi dòng được khai báo cho phụ "
        "lục của nó trong plan.yaml; chủ đầu tư của mỗi dự án và mỗi đơn vị khớp một cơ quan trong danh mục "
        "(không phân biệt chữ hoa, dạng Unicode và vị trí dấu thanh; không có danh mục thì một kết quả "
        "thông tin báo là chưa kiểm tra); các dấu, chính sách an toàn thông tin và các phần của tổng kinh "
        "phí nêu đúng phụ lục, nhóm, dòng có thật, và mỗi phụ lục chỉ là một phần của tổng kinh phí.",
        why="Mã là khoá của baseline và của so sánh phiên bản; nhóm và cơ quan quyết định các dòng tổng theo "
        "nhóm và theo chủ đầu tư. Một tham chiếu trỏ vào chỗ không có sẽ lặng lẽ làm rơi tiền khỏi một dòng "
        "tổng.",
        source="Các nhóm của bảng và cột chủ đầu tư, đơn vị (ở Kế hoạch 272: Phụ lục I các nhóm I–IV và cột "
        "'Chủ đầu tư'; Phụ lục II).",
        fix="Đặt cho dòng một mã duy nhất, sửa nhóm, hoặc đăng ký cơ quan (hay cách viết mới như một tên "
        "khác) ở `agencies` trong plan.yaml; sửa tham chiếu không trỏ vào đâu.",
    ),
    "DAT003": RuleText(
        summary="Một tệp CSV được đọc theo cách chính tệp cho thấy, ở chỗ plan.yaml không khai báo.",
        what="Những gì chương trình tự nhận ra, mỗi lần nhận ra: dấu phân cách của một tệp có dòng tiêu "
        "đề chỉ tách được thành các cột hợp lệ theo dấu ';' hoặc dấu tab (Excel cài đặt tiếng Việt lưu "
        "'CSV' với dấu ';'); cách ghi số của một cột mà mọi ô ghi số có dấu phân cách đều là số nguyên theo "
        "đúng một cách ghi (20.200 và 1.500.000: cách ghi Việt Nam). Cột có một ô đọc được là số nguyên "
        "theo cả hai cách ghi (20.000: 20000 hay 20), không theo cách ghi nào (1.5), hoặc theo cách ghi "
        "khác nhau giữa các ô, thì không được nhận ra: các ô đó là lỗi DAT001.",
        why="Một giá trị được đọc theo phỏng đoán mà không ai thấy là một lần đọc sai chờ xảy ra. Khi được "
        "báo một lần cho mỗi tệp hay mỗi cột, cách đọc có thể được kiểm tra và ghi rõ trong plan.yaml.",
        source="Quy cách dữ liệu (README, 'Data format': các tệp CSV và các khoá `csv` của plan.yaml).",
        fix="Không có gì sai. Để ghi rõ cách đọc (và không còn thông báo này), hãy khai báo trong "
        'plan.yaml: `csv: {separator: ";", number_format: vi}` ở cấp trên cùng cho mọi tệp, hoặc trong '
        "phụ lục cho tệp của phụ lục đó; `csv_number_format: vi` tương đương `csv: {number_format: vi}`.",
    ),
    "KPI001": RuleText(
        summary="Chỉ tiêu không bao giờ giảm mức phấn đấu từ mốc này sang mốc sau.",
        what="Với mỗi chỉ tiêu, chỉ tiêu của các năm mốc liên tiếp (những năm kế hoạch đặt chỉ tiêu; ở Kế "
        "hoạch 272 là 2022 → 2025) được so từng đầu theo hướng của chỉ tiêu: với chỉ tiêu càng cao càng tốt, "
        "cận dưới (mức cam kết) không được giảm hay bỏ ngỏ, và cận trên của một khoảng không được giảm "
        "(một mức 'ít nhất 75' rồi '80' là đòi hỏi cao hơn); ngược lại với chỉ tiêu càng thấp càng tốt. "
        "`plan272 diff` đánh giá chỉ tiêu được sửa theo cùng định nghĩa.",
        why="Một lộ trình mà mốc sau đòi hỏi thấp hơn mốc trước là tự mâu thuẫn; thường là một con số bị "
        "gõ nhầm hoặc chép từ dòng khác.",
        source="Các chỉ tiêu và lộ trình của kế hoạch, ghi ở `kpis` trong plan.yaml kèm nguồn (ở Kế hoạch "
        "272: Phần II, mục II 'MỤC TIÊU CỤ THỂ' và mục VI 'LỘ TRÌNH THỰC HIỆN').",
        fix="Đối chiếu cả hai mốc với văn bản và sửa mốc bị chép sai; nếu kế hoạch thực sự hạ chỉ tiêu, hãy "
        "nói rõ điều đó khi điều chỉnh kế hoạch.",
    ),
    "KPI002": RuleText(
        summary="Chỉ tiêu phải có thể đạt được theo đơn vị của nó.",
        what="Tỷ lệ phần trăm nằm trong 0–100; số đếm là số nguyên không âm; khoảng không bị đảo "
        "(cận dưới ≤ cận trên).",
        why="Một chỉ tiêu không thể có thì không thể đạt cũng không thể theo dõi; đó là dấu hiệu gõ nhầm.",
        source="Các chỉ tiêu của kế hoạch, ghi ở `kpis` trong plan.yaml kèm nguồn (ở Kế hoạch 272: Phần II, "
        "mục II và mục VI).",
        fix="Sửa chỉ tiêu trong plan.yaml (kpis) theo văn bản.",
    ),
    "KPI003": RuleText(
        summary="Một chỉ tiêu nêu ở nhiều chỗ có cùng mức cho cùng một năm.",
        what="Các chỗ nêu một chỉ tiêu (ở Kế hoạch 272, ví dụ mục II cho năm 2025 và mục VI 'đến hết năm "
        "2025') cho cùng một mức cho cùng một năm.",
        why="Hai mức khác nhau cho cùng chỉ tiêu và cùng năm làm kế hoạch mập mờ: theo dõi mức nào?",
        source="Những chỗ kế hoạch nêu chỉ tiêu, ghi ở `kpis` trong plan.yaml (ở Kế hoạch 272: Phần II, mục "
        "II 'MỤC TIÊU CỤ THỂ' và mục VI 'LỘ TRÌNH THỰC HIỆN').",
        fix="Đối chiếu cả hai chỗ trong văn bản; ghi đúng từng chỗ và thống nhất với cơ quan chủ trì kế hoạch.",
    ),
    "KPI004": RuleText(
        summary="Chỉ tiêu được đặt cho một năm trong giai đoạn của kế hoạch.",
        what="Mọi năm có chỉ tiêu (`kpis[].statements[].targets`) nằm trong `identity.period`.",
        why="Kế hoạch cam kết chỉ tiêu trong giai đoạn của chính nó; một năm ngoài giai đoạn thường là gõ "
        "nhầm (2035 thay cho 2025) hoặc một định hướng bị ghi như chỉ tiêu, và dù thế nào cũng không được "
        "theo dõi cùng kế hoạch.",
        source="Giai đoạn của kế hoạch (tên và phần đầu văn bản) và các chỉ tiêu, ghi trong plan.yaml.",
        fix="Sửa năm theo văn bản; định hướng dài hạn mà kế hoạch không cam kết thuộc về phần lời văn, không "
        "thuộc các chỉ tiêu.",
    ),
    "NRM001": RuleText(
        summary="Kinh phí theo biên chế bằng số biên chế × định mức; mọi ngoại lệ đều được giải thích.",
        what="Với mỗi đơn vị của một phụ lục theo đơn vị và mỗi năm: kinh phí của đơn vị không có dấu bằng "
        "biên chế × định mức (`norm.per_staff_per_year`, nguyên hay không, làm tròn như `norm.rounding` nói "
        "khi tích không nguyên); đơn vị có ghi chú là một dấu mà plan.yaml giải thích cho chính đơn vị đó "
        "(`marks`: dấu, các đơn vị, lời giải thích) được ít nhất mức đó. Ghi chú không phải dấu như vậy không "
        "nới gì. Đơn vị mang dấu mà plan.yaml không giải thích cho nó, và lời giải thích cho đơn vị mà bảng "
        "không đánh dấu, là cảnh báo.",
        why="Kinh phí CNTT thường xuyên được phân bổ theo biên chế; một đơn vị lệch định mức mà không có dấu "
        "được giải thích thì hoặc là gõ nhầm, hoặc là một khoản phân bổ chưa ai giải trình.",
        source="Bảng kinh phí thường xuyên và các ghi chú dưới bảng (ở Kế hoạch 272: Phụ lục II, 'Số CBCC "
        "hiện có' và 'Phân bổ kinh phí hàng năm'; các ghi chú *).",
        fix="Sửa số tiền hoặc số biên chế theo văn bản; nếu đơn vị thực sự được nhiều hơn, đánh dấu ở cột "
        "ghi chú và ghi dấu, đơn vị và lời giải thích vào plan.yaml (appendices[].marks).",
    ),
    "SEC001": RuleText(
        summary="An toàn thông tin được ít nhất tỷ lệ tối thiểu của kinh phí cả giai đoạn.",
        what="Chi cho an toàn thông tin (các dòng `security_policy.counted` tính toàn bộ, cộng phần attt của "
        "các dự án khác) chia cho kinh phí của kế hoạch (các phụ lục của `security_policy.denominator`, mặc "
        "định là tất cả), cả hai tính trên cả giai đoạn, so với `security_policy.min_share_percent`. Chỉ các "
        "dòng thuộc các phụ lục của mẫu số được tính. Số tiền trong giai đoạn là phân bổ trong giai đoạn; khi "
        "phần attt được ghi cho cả dự án kéo dài ra ngoài giai đoạn, tỷ lệ chỉ biết trong một khoảng, và tỷ "
        "lệ mà khoảng đó không quyết định được — hoặc mẫu số không có kinh phí — được báo là chưa kiểm tra.",
        why=_SECURITY_WHY,
        source=_SECURITY_SOURCE,
        fix="Tăng phân bổ cho an toàn thông tin (các nhóm được tính, hoặc phần attt của dự án), hoặc ghi vào "
        "plan.yaml những khoản chi khác được tính (security_policy.counted, cột attt) nếu văn bản nói vậy.",
    ),
    "SEC002": RuleText(
        summary="An toàn thông tin được ít nhất tỷ lệ tối thiểu của kinh phí từng năm.",
        what="Cùng tỷ lệ đó, theo từng năm: phân bổ của năm cho các dòng được tính, trên tổng kinh phí của "
        "năm. Phần attt không chia theo năm: trong một năm nó chỉ chắc chắn được tính trong chừng mực tiền "
        "của dự án ở các năm khác không chứa hết được, và nhiều nhất bằng phân bổ của dự án trong năm; năm "
        "mà khoảng đó không quyết định được, hoặc năm không có kinh phí, được báo là chưa kiểm tra.",
        why=_SECURITY_WHY,
        source=_SECURITY_SOURCE,
        fix="Chuyển hoặc bổ sung phân bổ cho an toàn thông tin vào những năm còn thiếu.",
    ),
    "SEC003": RuleText(
        summary="Mỗi dự án CNTT chi ít nhất tỷ lệ tối thiểu cho an toàn thông tin, khi dữ liệu có ghi.",
        what="Với các dự án có ghi phần attt: attt / tổng của dự án, so với mức tối thiểu. Các dòng được tính "
        "toàn bộ là dự án an toàn thông tin. Khi không dự án nào ghi phần attt, một kết quả thông tin báo là "
        "không kiểm tra được, thay vì lặng lẽ coi là đạt.",
        why=_SECURITY_WHY,
        source=_SECURITY_SOURCE,
        fix="Ghi phần an toàn thông tin của từng dự án vào cột attt của phụ lục (theo hồ sơ dự án), rồi tăng "
        "ở những dự án còn thiếu.",
    ),
    "SUM001": RuleText(
        summary="Phân bổ các năm của một dòng cộng lại bằng tổng của dòng.",
        what="Với mỗi dòng của mỗi phụ lục, các số tiền theo năm trong giai đoạn cộng lại bằng tổng của dòng "
        "(TMĐT của dự án, tổng kinh phí của đơn vị hay của dòng kinh phí). Khi phụ lục khai báo `row_total: "
        "whole` (tổng mức đầu tư của dự án gồm cả các năm trước hoặc sau giai đoạn), phân bổ trong giai đoạn "
        "có thể nhỏ hơn tổng, không bao giờ lớn hơn.",
        why="Các cột năm là phần được bố trí ngân sách; tổng khác với các cột năm nghĩa là hoặc tổng, hoặc một "
        "năm bị sai, và mọi dòng tổng phía trên đều mang theo cái sai đó.",
        source="Cột tổng và các cột năm của bảng (ở Kế hoạch 272: Phụ lục I 'Dự kiến TMĐT' và năm cột năm; "
        "Phụ lục II 'Tổng kinh phí' và 'Phân bổ kinh phí hàng năm').",
        fix="Đối chiếu dòng với văn bản: sửa năm bị gõ nhầm, hoặc sửa tổng. Nếu tổng của bảng gồm cả ngoài "
        "giai đoạn, khai báo `row_total: whole` cho phụ lục.",
    ),
    "SUM002": RuleText(
        summary="Các dòng tổng tính được bằng các dòng tổng khai báo, theo năm và tổng cộng, theo phụ lục và "
        "theo nhóm.",
        what="Mỗi cột năm, cột tổng và mỗi cột số tiền khác, cộng trên các dòng, bằng các dòng tổng plan.yaml "
        "khai báo cho phụ lục và cho các nhóm của nó (`declared`); tổng các năm đã khai báo cộng lại bằng "
        "tổng cộng khai báo (hoặc không vượt quá, với `row_total: whole`). Phụ lục không khai báo dòng tổng "
        "được báo là chưa kiểm tra.",
        why="Các dòng tổng khai báo là điều kế hoạch cam kết; một dòng bị thiếu, bị lặp hay gõ nhầm lộ ra ở "
        "đây.",
        source="Các dòng tổng in trong bảng (ở Kế hoạch 272: Phụ lục I, dòng TỔNG CỘNG; Phụ lục II, các dòng "
        "'I CẤP TỈNH' và TỔNG).",
        fix="Tìm dòng bị lệch (SUM001 thường chỉ ra) hoặc sửa dòng tổng khai báo trong plan.yaml nếu bị chép "
        "sai.",
    ),
    "SUM003": RuleText(
        summary="Các phụ lục cộng lại bằng tổng kinh phí khai báo và các phần khai báo của nó.",
        what="Tổng kinh phí plan.yaml khai báo (`grand_total.amount`) bằng tổng các phần của nó: phần là một "
        "phụ lục tính số phụ lục đó phân bổ trong giai đoạn của kế hoạch, phần không được bảng nào liệt kê "
        "tính số tiền ghi cho nó; không khai báo phần nào thì tổng kinh phí là mọi phụ lục. Các phần khai báo "
        "cộng lại bằng tổng kinh phí, và mỗi phần là phụ lục bằng phụ lục đó. Phụ lục không thuộc phần nào là "
        "cảnh báo: tiền của nó không nằm trong tổng nào.",
        why="Tổng kinh phí là con số lãnh đạo phê duyệt và trích dẫn (ở Kế hoạch 272, mục VIII: 1.501,713 tỷ "
        "đồng); nó phải đúng bằng những gì các bảng chứa.",
        source="Phần kinh phí của kế hoạch (ở Kế hoạch 272: Phần II, mục VIII 'KINH PHÍ THỰC HIỆN').",
        fix="Sửa dòng của phụ lục hoặc con số khai báo trong plan.yaml (grand_total); phần kinh phí không "
        "được bảng nào liệt kê thì khai báo là một phần không có `appendix`.",
    ),
    "SUM004": RuleText(
        summary="Mọi số tiền ghi bằng chữ (và con số in) bằng con số của nó.",
        what="Đọc các số tiền bằng chữ mà plan.yaml ghi như văn bản in cho tổng kinh phí và các phần "
        "(`words`; ở Kế hoạch 272, mục VIII: 'Một nghìn năm trăm lẻ một tỷ, bảy trăm mười ba triệu đồng') "
        "bằng bộ đọc số tiếng Việt và so, đúng đơn vị (chữ tính bằng đồng, số tính bằng triệu đồng), với con "
        "số; cũng đọc con số in (`stated`, cách viết Việt Nam, ví dụ '1.501,713tỷ đồng') và so sánh.",
        why="Văn bản hành chính ghi số tiền quan trọng hai lần để cái sai ở chỗ này lộ ra ở chỗ kia; lỗi chép "
        "hay lỗi soạn thảo nằm đúng ở đó.",
        source="Phần kinh phí của kế hoạch, nơi ghi số tiền bằng số và bằng chữ (ở Kế hoạch 272: Phần II, mục "
        "VIII 'KINH PHÍ THỰC HIỆN').",
        fix="Đối chiếu số và chữ với văn bản; sửa chỗ chép sai, hoặc báo chỗ lệch trong văn bản cho cơ quan "
        "chủ trì.",
    ),
    "SUM005": RuleText(
        summary="Các cột chia một cột khác (nguồn vốn của một tổng) cộng lại bằng cột đó.",
        what="Với mỗi mục `splits` của một phụ lục (ví dụ ngân sách trung ương + ngân sách tỉnh + nguồn khác "
        "= TMĐT), các cột được nêu của mỗi dòng, và của các dòng tổng khai báo có in chúng, cộng lại bằng "
        "cột chúng chia ('period' là tổng các năm của dòng).",
        why="Bảng kinh phí ghi cả tổng và nguồn tiền; khi các nguồn không cộng lại bằng tổng, một con số bị "
        "sai và việc bố trí vốn của kế hoạch không như nó nói.",
        source="Các cột nguồn vốn của phụ lục, nơi kế hoạch in chúng (plan.yaml `appendices[].splits`). Kế "
        "hoạch 272 không in cột nào như vậy.",
        fix="Sửa cột nguồn hoặc tổng bị gõ nhầm; nếu trong văn bản các cột không chia tổng, bỏ mục `splits`.",
    ),
    "TXT001": RuleText(
        summary="Các phép tính nêu trong lời văn là đúng: tổng và các phần, tỷ lệ và các số đếm.",
        what="Mỗi nhận định ghi ở `claims` trong plan.yaml (mọi câu 'N …, trong đó a, b và c' và 'x trên y, "
        "đạt p%' của lời văn) được tính lại: tổng không bằng các phần cộng lại, hoặc tỷ lệ không làm tròn (nửa "
        "lên) ra đúng con số in ở độ chính xác in ra, là cảnh báo kèm cả hai con số. Tỷ lệ là giá trị bị cắt "
        "bớt được báo là thông tin.",
        why="Các con số trong lời văn được trích trong báo cáo và bài phát biểu; một sơ suất khi soạn thảo ở "
        "đó không ai thấy vì không bảng tính nào kiểm tra lời văn.",
        source="Lời văn của kế hoạch, thường là phần đánh giá giai đoạn trước, bảng chỉ tiêu và các chú thích "
        "(ở Kế hoạch 272: Phần I 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH … GIAI ĐOẠN 2016-2020').",
        fix="Đối chiếu các con số với văn bản: sửa chỗ chép sai trong plan.yaml; sơ suất trong chính văn bản "
        "là một kết quả cần báo cho cơ quan chủ trì, không phải để xoá đi.",
    ),
    "INT001": RuleText(
        summary="Một quy tắc bị lỗi khi chạy: lỗi của plan272, không phải vấn đề của kế hoạch.",
        what="Được báo khi một quy tắc gặp ngoại lệ bất ngờ; các quy tắc khác vẫn chạy.",
        why="Quy tắc bị lỗi không kiểm tra gì cả: sự im lặng của nó không được hiểu là đạt.",
        source="Không có: đây là về chính plan272.",
        fix="Báo nội dung lỗi (nêu quy tắc và chỗ lỗi) cho những người duy trì plan272.",
    ),
}

SECTIONS = ("Nội dung kiểm tra", "Vì sao quan trọng", "Căn cứ trong kế hoạch", "Cách xử lý một kết quả")
