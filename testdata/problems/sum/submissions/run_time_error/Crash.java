import java.util.*;
public class Crash { public static void main(String[] args) { Scanner s = new Scanner(System.in); long a = s.nextLong(), b = s.nextLong(); throw new RuntimeException("boom " + (a + b)); } }
